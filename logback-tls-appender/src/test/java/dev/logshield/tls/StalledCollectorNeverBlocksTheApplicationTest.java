package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A collector that accepts the connection and then stops reading fills the TCP window: the sender thread blocks in
 * its socket write, and the application's logging calls still return at once (they only enqueue, or drop and count
 * when the queue is full); {@code stop()} is still bounded by its timeout, counts what it could not deliver and
 * leaves no thread blocked on the dead connection. The waits a broken appender would make (for room in the queue, for
 * the stuck write) are 10 minutes in its XML; the limits asserted are generous for a busy machine (60 s for the
 * 100,000 calls, 30 s for stop) and still far below them. The time of the calls is printed for information.
 */
class StalledCollectorNeverBlocksTheApplicationTest {

    private static final int LOGGED = 100_000;

    @Test
    void loggingReturnsPromptlyWhileTheSenderIsStuckInAWrite() throws Exception {
        TestPki pki = SharedPki.get();
        Set<Thread> before = MtlsThreads.alive();
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, 4096, ScriptedPeer.neverRead());
                TestMeters meters = TestMeters.register()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + peer.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            assertThat(meters.awaitGauge("logshield.tls.connected", v -> v == 1, Duration.ofSeconds(5))).isEqualTo(1);
            Logger logger = context.getLogger("app");
            char[] filler = new char[1_000];
            Arrays.fill(filler, 'x');
            String kilobyte = new String(filler);

            long start = System.nanoTime();
            long slowest = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                long slowestCall = 0;
                for (int i = 0; i < LOGGED; i++) {
                    long call = System.nanoTime();
                    logger.info("{} {}", i, kilobyte);
                    slowestCall = Math.max(slowestCall, System.nanoTime() - call);
                }
                return slowestCall;
            }, LOGGED + " log calls against a stalled collector");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("stalled collector: %,d log calls of 1 KB in %d ms, slowest call %.1f ms%n", LOGGED,
                    took.toMillis(), slowest / 1e6);

            MtlsThreads.awaitBlockedInSocketWrite("logshield-mtls-SHIP", Duration.ofSeconds(5));
            assertThat(meters.gauge("logshield.tls.connected", "destination", "127.0.0.1:" + peer.port())).isEqualTo(1);
            assertThat(meters.gauge("logshield.tls.queue.size")).isEqualTo(1_000);
            long dropped = meters.count("logshield.tls.dropped", "reason", "queue-full");
            assertThat(dropped).as("dropped at the full queue").isGreaterThan(LOGGED / 2);

            assertTimeoutPreemptively(Duration.ofSeconds(30), context::stop, "stop() with stopTimeout 500 ms");
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(1));
            assertThat(meters.count("logshield.tls.dropped", "reason", "undelivered-at-stop")).isGreaterThanOrEqualTo(1_000);
            assertThat(meters.count("logshield.tls.sent") + meters.count("logshield.tls.dropped"))
                    .as("sent + dropped " + meters.describe()).isEqualTo(LOGGED);
        }
    }
}
