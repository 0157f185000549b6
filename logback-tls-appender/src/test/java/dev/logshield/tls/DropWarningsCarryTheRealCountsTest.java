package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import dev.logshield.metrics.Meters;
import dev.logshield.tls.delivery.DeliveryQueue;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.Waits;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drop warnings say how many events were dropped, by reason, since the previous warning; drops that come after a
 * warning are reported once the report period is over even when no further drop comes; and stop() sums up every drop
 * since start. Before, the first warning said "dropped 1 event(s)" for a burst of thousands and the rest was said
 * only if another drop came 30 seconds later, never at stop.
 */
class DropWarningsCarryTheRealCountsTest {

    private final TestPki pki = SharedPki.get();

    @Test
    void dropsAfterAWarningAreReportedOnceThePeriodIsOverWithoutAFurtherDrop() {
        LoggerContext context = new LoggerContext();
        ContextAwareBase owner = new ContextAwareBase();
        owner.setContext(context);
        try (TestMeters meters = TestMeters.register()) {
            TlsMetrics metrics = new TlsMetrics(owner, Meters.forRegistry(meters.name()), "SHIP", new DeliveryQueue(10),
                    null, Duration.ofMillis(200));
            metrics.dropped(1, "queue-full");
            metrics.dropped(3_999, "queue-full");
            metrics.dropped(5, "spool-full");
            assertThat(dropWarnings(context)).containsExactly("[SHIP] dropped 1 event(s) since the last report"
                    + " (queue-full 1), 1 since start; drops are reported at most every 200 ms and summed up at stop"
                    + " (see logshield.tls.dropped)");

            long deadline = System.nanoTime() + Waits.generous(Duration.ofSeconds(5)).toNanos();
            while (dropWarnings(context).size() < 2 && System.nanoTime() < deadline) {
                metrics.reportDrops();
                Thread.onSpinWait();
            }
            assertThat(dropWarnings(context)).hasSize(2);
            assertThat(dropWarnings(context).get(1)).startsWith("[SHIP] dropped 4004 event(s) since the last report"
                    + " (queue-full 3999, spool-full 5), 4005 since start");
            metrics.reportDrops();
            assertThat(dropWarnings(context)).as("nothing new to report").hasSize(2);
            assertThat(meters.count("logshield.tls.dropped")).isEqualTo(4_005);
        }
    }

    @Test
    void stopSumsUpEveryDropSinceStart() {
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            server.stop();
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            assertThat(context.getCopyOfScheduledFutures()).as("the periodic drop report is scheduled").isNotEmpty();
            Logger logger = context.getLogger("app");
            for (int i = 0; i < 5_000; i++) {
                logger.info("event {}", i);
            }
            context.stop();
            assertThat(meters.countsBy("logshield.tls.dropped", "reason"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("queue-full", 4_900L, "undelivered-at-stop", 100L));
            assertThat(XmlConfiguredContext.errors(context)).contains("[SHIP] stopped: 0 event(s) delivered, 5000 dropped"
                    + " (queue-full 4900, undelivered-at-stop 100; see logshield.tls.dropped)");
            assertThat(context.getCopyOfScheduledFutures()).allSatisfy(f -> assertThat(f.isDone()).isTrue());
        }
    }

    private static List<String> dropWarnings(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.WARN && s.getMessage().contains(" dropped "))
                .map(Status::getMessage).toList();
    }
}
