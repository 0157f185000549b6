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
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application stops while its collector is down: of the events it logged, those in the memory buffer
 * ({@code <queueSize>}) are put back in front of the ones already spooled, nothing is dropped, and the stop status (a
 * warning) says how many wait in the spool. At the next start, with rsyslog up (RELP), what the earlier run left is
 * delivered first, before anything logged now, each event exactly once and in logging order, and the spool ends
 * empty; this holds also when the application logs nothing more after the start.
 */
class SpoolLeftByAnEarlierRunIsDeliveredFirstTest {

    private static final int LEFT = 3_000;
    private static final int QUEUE = 500;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "then {0} new events")
    @ValueSource(ints = {2_000, 0})
    void whatTheEarlierRunLeftArrivesFirstAndOnce(int newEvents) throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.RELP_TLS), "rsyslog with imrelp is not installed");
        TestPki pki = SharedPki.get();
        Path spool = dir.resolve("spool");
        int all = LEFT + newEvents;
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.RELP_TLS,
                pki.caCert(), pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), true);
             TestMeters first = TestMeters.register();
             TestMeters second = TestMeters.register()) {
            // run 1: the collector is down from the start
            LoggerContext context = configure(pki, rsyslog, spool, first);
            Logger logger = context.getLogger("com.example.shop.Orders");
            IntStream.range(0, LEFT).forEach(i -> logger.info("event {}", i));
            context.stop();

            assertThat(first.count("logshield.tls.dropped")).isZero();
            assertThat(first.count("logshield.tls.spooled")).isEqualTo(LEFT - QUEUE);
            assertThat(first.count("logshield.tls.returned_to_spool")).as("the memory buffer, put back")
                    .isEqualTo(QUEUE);
            assertThat(SpoolContents.numbers(spool, "event")).as("the spool, in sending order")
                    .containsExactlyElementsOf(IntStream.range(0, LEFT).boxed().toList());
            StopSummary stopped = StopSummary.of(context, "SHIP");
            assertThat(stopped.level()).isEqualTo(Status.WARN);
            assertThat(stopped.leftInSpool()).isEqualTo(LEFT);
            assertThat(stopped.putBack()).isEqualTo(QUEUE);
            assertThat(stopped.delivered()).isZero();
            assertThat(stopped.dropped()).isZero();

            // run 2: the collector is up
            rsyslog.start();
            LoggerContext next = configure(pki, rsyslog, spool, second);
            Logger nextLogger = next.getLogger("com.example.shop.Orders");
            IntStream.range(LEFT, all).forEach(i -> nextLogger.info("event {}", i));
            DeliveryTally tally = DeliveryTally.await(rsyslog.receivedFile(), "event", all, 60_000);
            next.stop();
            System.out.printf("spool left by an earlier run (%d events), then %d new: %s%n", LEFT, newEvents, tally);

            assertThat(tally.missing()).as("missing (first: %s)", tally.missingSample()).isZero();
            assertThat(tally.duplicates()).isZero();
            assertThat(tally.firstArrivalsInOrder()).as("event %d out of order", tally.firstOutOfOrder()).isTrue();
            assertThat(XmlConfiguredContext.statuses(next, Status.INFO)).anySatisfy(s -> assertThat(s)
                    .contains(LEFT + " event(s) left in the spool by an earlier run are delivered first"));
            assertThat(second.count("logshield.tls.delivered")).isEqualTo(all);
            assertThat(second.count("logshield.tls.dropped")).isZero();
            assertThat(SpoolContents.dataFiles(spool)).as("spool files left").isEmpty();
            assertThat(SpoolContents.events(spool)).isZero();
            StopSummary nextStopped = StopSummary.of(next, "SHIP");
            assertThat(nextStopped.level()).isEqualTo(Status.INFO);
            assertThat(nextStopped.leftInSpool()).isZero();
        }
    }

    private LoggerContext configure(TestPki pki, RsyslogPeer rsyslog, Path spool, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", rsyslog.destination(), "clientCert", pki.client("client1").cert().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                "queueSize", String.valueOf(QUEUE), "spoolDirectory", spool.toString(), "stopTimeout", "1 second",
                "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }
}
