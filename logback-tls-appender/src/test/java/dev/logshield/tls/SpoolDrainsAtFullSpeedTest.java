package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.DeliveryTally;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.SpoolContents;
import dev.logshield.tls.testing.StopSummary;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application logs at a steady 10 000 events/s through RELP with a spool and the default memory buffer, to rsyslog
 * that is up from the start, or that comes up only after the first second of logging (10 000 events, more than the
 * buffer: the spool takes the rest). The spool is drained while the application logs, without waits between reads:
 * every event is delivered, none dropped, the spool is empty at the end and the stop status says so. How much was
 * delivered by the time the application stopped logging, and how long stop() took, are printed, not asserted (they
 * depend on the machine). {@code -Dlogshield.drain.events=300000} runs it at the size of the goal measurement.
 */
class SpoolDrainsAtFullSpeedTest {

    private static final int EVENTS = Integer.getInteger("logshield.drain.events", 30_000);
    private static final int PER_SECOND = 10_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector up after {0} events")
    @ValueSource(ints = {0, PER_SECOND})
    void everyEventIsDeliveredAndTheSpoolEndsEmpty(int collectorUpAfter) throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.RELP_TLS), "rsyslog with imrelp is not installed");
        TestPki pki = SharedPki.get();
        Path spool = dir.resolve("spool");
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.RELP_TLS,
                pki.caCert(), pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), true);
             TestMeters meters = TestMeters.register()) {
            if (collectorUpAfter == 0) {
                rsyslog.start();
            }
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", rsyslog.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "spoolDirectory", spool.toString(), "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
            Logger logger = context.getLogger("com.example.shop.Orders");
            AtomicReference<Throwable> startFailure = new AtomicReference<>();
            Thread starter = new Thread(() -> {
                try {
                    rsyslog.start();
                } catch (Exception e) {
                    startFailure.set(e);
                }
            }, "rsyslog-late-start");

            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                if (i == collectorUpAfter && collectorUpAfter > 0) {
                    starter.start();
                }
                long wait = start + 1_000_000_000L * i / PER_SECOND - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                logger.info("event {}", i);
            }
            long loggingMs = (System.nanoTime() - start) / 1_000_000;
            long deliveredWhileLogging = meters.count("logshield.tls.delivered");
            long spooled = meters.count("logshield.tls.spooled");
            if (collectorUpAfter > 0) {
                starter.join(60_000);
                assertThat(startFailure.get()).as("rsyslog started").isNull();
            }
            long stopping = System.nanoTime();
            context.stop();
            long stopMs = (System.nanoTime() - stopping) / 1_000_000;
            DeliveryTally tally = DeliveryTally.await(rsyslog.receivedFile(), "event", EVENTS, 60_000);

            System.out.printf("spool drain, RELP, %d events at %d/s, collector up after %d events: logging took %d ms,"
                            + " %d spooled; delivered when logging ended %d (%.1f%%); stop() took %d ms; %s%n",
                    EVENTS, PER_SECOND, collectorUpAfter, loggingMs, spooled, deliveredWhileLogging,
                    100.0 * deliveredWhileLogging / EVENTS, stopMs, tally);
            assertThat(tally.missing()).as("missing (first: %s)", tally.missingSample()).isZero();
            assertThat(tally.firstArrivalsInOrder()).as("event %d out of order", tally.firstOutOfOrder()).isTrue();
            assertThat(meters.count("logshield.tls.delivered")).isEqualTo(EVENTS);
            assertThat(meters.count("logshield.tls.dropped")).isZero();
            assertThat(SpoolContents.dataFiles(spool)).as("spool files left").isEmpty();
            assertThat(SpoolContents.events(spool)).isZero();
            StopSummary stopped = StopSummary.of(context, "SHIP");
            assertThat(stopped.level()).isEqualTo(Status.INFO);
            assertThat(stopped.delivered()).isEqualTo(EVENTS);
            assertThat(stopped.leftInSpool()).isZero();
        }
    }
}
