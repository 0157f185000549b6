package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.CollectorCrash;
import dev.logshield.tls.testing.DeliveryTally;
import dev.logshield.tls.testing.RegisteredMeters;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELP over mutual TLS to rsyslog's imrelp (ruleset queue "Direct": an acknowledgement means written): while one
 * thread logs 100 000 numbered events as fast as the appender takes them ({@code block} overflow policy), another
 * SIGKILLs rsyslog mid-stream and starts it again on the same port a second later. After the appender has stopped, every number is
 * in rsyslog's output, and the first arrival of each is in logging order: the events rsyslog had not acknowledged
 * were sent again on the new session (at-least-once: the duplicates are counted and printed).
 */
class RelpLosesNothingWhenRsyslogIsKilledTest {

    private static final int EVENTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void everyEventArrivesAtLeastOnceInOrder() throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.RELP_TLS), "rsyslog with imrelp (rsyslog-relp) is not installed");
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (RegisteredMeters meters = RegisteredMeters.register("relp-killed");
             RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.RELP_TLS, pki.caCert(),
                     pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), true).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", rsyslog.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
            Logger logger = context.getLogger("com.example.shop.Orders");
            long start = System.currentTimeMillis();
            CollectorCrash crash = CollectorCrash.afterMessages(rsyslog, EVENTS / 4, 1_000);
            for (int i = 0; i < EVENTS; i++) {
                logger.info("event {}", i);
            }
            long logged = System.currentTimeMillis();
            crash.await(60_000);
            context.stop();
            long stopped = System.currentTimeMillis();
            DeliveryTally tally = DeliveryTally.await(rsyslog.receivedFile(), "event", EVENTS, 30_000);

            System.out.printf("RELP, rsyslog SIGKILLed after %d messages, down %d ms: %s; logging took %d ms, "
                            + "delivery %d ms; replayed %d, dropped %s%n", crash.messagesBeforeKill(),
                    crash.downMillis(), tally, logged - start, stopped - start,
                    meters.count("logshield.tls.replayed"), meters.countsBy("logshield.tls.dropped", "reason"));
            assertThat(crash.messagesBeforeKill()).isLessThan(EVENTS);
            assertThat(tally.missing()).as("lost events (first: %s)", tally.missingSample()).isZero();
            assertThat(tally.firstArrivalsInOrder()).as("first arrival of event %d out of order", tally.firstOutOfOrder())
                    .isTrue();
            assertThat(meters.count("logshield.tls.dropped")).isZero();
            assertThat(meters.count("logshield.tls.reconnects")).isGreaterThanOrEqualTo(2);
        }
    }
}
