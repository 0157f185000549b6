package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collector that cannot be reached (a host name that does not resolve, a port nobody listens on) does not stop
 * the appender from starting (names are resolved at connect, not at start): the sender keeps retrying with
 * backoff, reports the failure once as a status error (rate-limited, not once per attempt), buffers up to the
 * queue size and counts every event it drops, so that logged = buffered + dropped; {@code stop()} returns within
 * its timeout, reports what it could not deliver and leaves no thread behind. "Never blocks" and "within its timeout"
 * are shown against the waits a broken appender would make: the block, connect and handshake timeouts are minutes
 * (a logging call or a stop that waited for the unreachable collector would wait at least that, or forever), the
 * limits asserted tens of seconds, so a busy machine passes and a broken appender fails by far.
 */
class UnreachableCollectorsAreRetriedAndCountedTest {

    private static final int QUEUE = 100;
    private static final int LOGGED = 1_000;

    @ParameterizedTest
    @ValueSource(strings = {"unknown-host", "closed-port"})
    void retriesReportsOnceAndCountsEveryEvent(String unreachable) throws Exception {
        String destination = unreachable.equals("unknown-host") ? "no-such-host.invalid:6514" : "127.0.0.1:" + closedPort();
        TestPki pki = SharedPki.get();
        Set<Thread> before = MtlsThreads.alive();
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", destination, "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).as("started: nothing is resolved at start").isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < LOGGED; i++) {
                    context.getLogger("app").info("event {}", i);
                }
            }, "1000 log calls, 900 of them on a full queue");

            long failures = meters.awaitCount("logshield.tls.connect_failures", 8, Duration.ofSeconds(5),
                    "destination", destination);
            assertThat(failures).as("failed connection attempts, still retrying").isGreaterThanOrEqualTo(8);
            assertThat(meters.gauge("logshield.tls.queue.size")).as("buffered").isEqualTo(QUEUE);
            assertThat(meters.gauge("logshield.tls.queue.capacity")).isEqualTo(QUEUE);
            assertThat(meters.count("logshield.tls.dropped", "reason", "queue-full")).isEqualTo(LOGGED - QUEUE);
            assertThat(meters.gauge("logshield.tls.connected", "destination", destination)).isZero();
            List<String> connectErrors = XmlConfiguredContext.errors(context).stream()
                    .filter(e -> e.contains("cannot connect to " + destination)).toList();
            assertThat(connectErrors).as("one status error for " + failures + " failed attempts").hasSize(1);
            assertThat(connectErrors.get(0)).contains("retrying with backoff", "events are buffered", "nothing delivered yet")
                    .contains(unreachable.equals("unknown-host") ? "no-such-host.invalid" : "Connection refused");

            assertTimeoutPreemptively(Duration.ofSeconds(30), context::stop, "stop() with a 500 ms stopTimeout");
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
            assertThat(meters.count("logshield.tls.dropped", "reason", "undelivered-at-stop")).isEqualTo(QUEUE);
            assertThat(XmlConfiguredContext.errors(context)).contains("[SHIP] stopped: 0 event(s) delivered, " + LOGGED
                    + " dropped (queue-full " + (LOGGED - QUEUE) + ", undelivered-at-stop " + QUEUE
                    + "; see logshield.tls.dropped)");
            assertThat(meters.count("logshield.tls.sent") + meters.count("logshield.tls.dropped")).as("sent + dropped")
                    .isEqualTo(LOGGED);
        }
    }

    /** A loopback port nobody listens on (bound, then released). */
    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
