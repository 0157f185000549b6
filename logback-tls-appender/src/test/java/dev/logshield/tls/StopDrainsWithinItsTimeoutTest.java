package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code stop()} delivers what is buffered before it returns, for at most {@code <stopTimeout>}: everything when
 * the collector is there (or comes back in time); when it is gone, it returns at the timeout and reports how many
 * events it could not deliver, in one status error and as {@code logshield.tls.dropped{reason=undelivered-at-stop}}.
 * Where the collector is there, the timeout is long (minutes), so that delivering everything never depends on how
 * fast a busy machine sends; where it is gone, stop() takes at least its timeout and returns within 30 s, where a
 * stop that waited for the collector (or for the connect and handshake timeouts, minutes) would never return in time.
 */
class StopDrainsWithinItsTimeoutTest {

    private final TestPki pki = SharedPki.get();

    @Test
    void stopDeliversEverythingBufferedBeforeReturning() {
        int logged = 50_000;
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, "2 minutes", meters);
            // logged at once, while the first connection is still being made: most are buffered when stop() starts
            log(context.getLogger("app"), logged);
            double buffered = meters.gauge("logshield.tls.queue.size");
            long start = System.nanoTime();
            context.stop();
            Duration stopping = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("stop() with %,.0f of %,d events still buffered: drained in %d ms%n", buffered, logged,
                    stopping.toMillis());
            assertThat(stopping).as("within the stopTimeout").isLessThan(Duration.ofMinutes(2));
            assertThat(meters.count("logshield.tls.sent")).as("written and flushed when stop() returned").isEqualTo(logged);
            server.awaitReceived("event <" + (logged - 1) + ">", Duration.ofSeconds(2));
            assertThat(meters.count("logshield.tls.dropped")).isZero();
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @Test
    void stopKeepsTryingUntilItsTimeoutForACollectorThatComesBack() throws Exception {
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer server = downServer(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, "1 minute", meters);
            log(context.getLogger("app"), 100);
            Thread restart = new Thread(() -> {
                pause(500);
                server.restart();
            });
            restart.start();
            context.stop();
            restart.join();
            assertThat(meters.count("logshield.tls.sent")).isEqualTo(100);
            server.awaitReceived("event <99>", Duration.ofSeconds(2));
            assertThat(meters.count("logshield.tls.dropped")).isZero();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @Test
    void stopReturnsAtItsTimeoutAndReportsWhatItCouldNotDeliver() {
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer server = downServer(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, "1 second", meters);
            log(context.getLogger("app"), 1_000);
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), context::stop, "stop() with the collector gone");
            Duration stopping = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("stop() with the collector gone, stopTimeout 1 s: returned after %d ms%n", stopping.toMillis());
            assertThat(stopping).as("kept trying for its timeout").isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(XmlConfiguredContext.errors(context)).contains("[SHIP] stopped: 0 event(s) delivered, 1000 dropped"
                    + " (undelivered-at-stop 1000; see logshield.tls.dropped)");
            assertThat(meters.count("logshield.tls.dropped", "reason", "undelivered-at-stop")).isEqualTo(1_000);
            assertThat(meters.count("logshield.tls.sent")).isZero();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(1));
    }

    /** A collector whose port is known but which is not listening yet: {@link TlsTestServer#restart()} starts it. */
    private TlsTestServer downServer() {
        TlsTestServer server = TlsTestServer.builder(pki).start();
        server.stop();
        return server;
    }

    private LoggerContext configure(TlsTestServer server, String stopTimeout, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "127.0.0.1:" + server.port(), "stopTimeout", stopTimeout,
                "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                "caCert", pki.caCert().toString(), "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }

    private static void log(Logger logger, int count) {
        for (int i = 0; i < count; i++) {
            logger.info("event <{}>", i);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
