package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.delivery.DiskSpool;
import dev.logshield.tls.testing.DeliveryTally;
import dev.logshield.tls.testing.RegisteredMeters;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rsyslog is down before the application logs its first event and stays down for about a minute while 20 000 events
 * are logged, twenty times the memory buffer ({@code <queueSize>1000</queueSize>}): the buffer fills, the rest goes
 * to the {@code <spoolDirectory>} in order; once rsyslog is up, every event arrives exactly once and in logging
 * order, nothing is dropped, and no spooled event is left on disk to be sent again at the next start.
 */
@Tag("slow")
class SpoolCarriesAMinuteOfOutageTest {

    private static final int EVENTS = 20_000;
    private static final long OUTAGE_MS = 55_000;

    @TempDir
    Path dir;

    @Test
    void everyEventArrivesOnceInOrderAfterTheOutage() throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        Path spool = dir.resolve("spool");
        try (RegisteredMeters meters = RegisteredMeters.register("spooled-outage");
             RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.TCP_TLS, pki.caCert(),
                     pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false)) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", rsyslog.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "spoolDirectory", spool.toString(), "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
            Logger logger = context.getLogger("com.example.shop.Orders");
            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                long due = start + OUTAGE_MS * 1_000_000L * i / EVENTS;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                logger.info("event {}", i);
            }
            long spooled = meters.count("logshield.tls.spooled");
            double buffered = meters.gauge("logshield.tls.queue.size");
            long outage = (System.nanoTime() - start) / 1_000_000;

            rsyslog.start();
            long listening = (System.nanoTime() - start) / 1_000_000;
            DeliveryTally tally = DeliveryTally.await(rsyslog.receivedFile(), "event", EVENTS, 60_000);
            long delivered = (System.nanoTime() - start) / 1_000_000;
            context.stop();

            System.out.printf("spool: rsyslog down %d ms while %d events were logged (%d buffered in memory, %d spooled);"
                            + " rsyslog listening after %d ms, all delivered after %d ms: %s;"
                            + " dropped %s, failed connects %d%n", outage, EVENTS, (long) buffered, spooled, listening,
                    delivered, tally, meters.countsBy("logshield.tls.dropped", "reason"),
                    XmlConfiguredContext.statuses(context, 0).stream().filter(s -> s.contains("cannot connect")).count());
            assertThat(spooled).isEqualTo(EVENTS - 1000);
            assertThat(buffered).isEqualTo(1000);
            assertThat(tally.missing()).as("lost events (first: %s)", tally.missingSample()).isZero();
            assertThat(tally.duplicates()).isZero();
            assertThat(tally.firstArrivalsInOrder()).as("event %d out of order", tally.firstOutOfOrder()).isTrue();
            assertThat(meters.count("logshield.tls.dropped")).isZero();
            assertThat(new DiskSpool(spool, 1L << 30, 16L << 20).events()).as("events a next start would resend")
                    .isZero();
        }
    }
}
