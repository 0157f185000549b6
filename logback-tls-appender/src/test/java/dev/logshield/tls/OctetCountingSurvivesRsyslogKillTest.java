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
 * RFC 5425 octet counting to rsyslog's imtcp (GnuTLS, ruleset queue "Direct") while rsyslog is SIGKILLed mid-stream
 * and started again on the same port a second later.
 *
 * <p>Without acknowledgements, what is lost is what was in flight when rsyslog died: mostly the bytes waiting in its
 * kernel receive buffer, which Linux grows up to {@code net.ipv4.tcp_rmem}'s maximum while rsyslog writes slower
 * than the appender sends (2.7 MB, about 21 000 events, seen with {@code ss} in one run; 32 MB may be reached here). Without a replay window that loss is
 * measured and printed: the appender only counts the batch whose write failed; the rest is lost silently, in one run
 * of consecutive events, and everything after the reconnect arrives in order. With a {@code <replayWindow>} at least
 * as large as what can be in flight (here every event of the test, as the backlog varied from 1 300 to 50 000 events
 * between runs, so a window of 20 000 lost 678 events in one run of five), every event arrives, the first arrival of
 * each in order; the replayed events rsyslog had already written arrive twice (counted and printed).
 */
class OctetCountingSurvivesRsyslogKillTest {

    private static final int EVENTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void withAReplayWindowNothingIsLost() throws Exception {
        Result result = run(EVENTS, "replay-window");
        assertThat(result.tally.missing()).as("lost events (first: %s)", result.tally.missingSample()).isZero();
        assertThat(result.tally.firstArrivalsInOrder())
                .as("first arrival of event %d out of order", result.tally.firstOutOfOrder()).isTrue();
        assertThat(result.meters.count("logshield.tls.dropped")).isZero();
        assertThat(result.meters.count("logshield.tls.replayed")).isGreaterThan(0);
    }

    @Test
    void withoutAReplayWindowTheLossIsMeasured() throws Exception {
        Result result = run(0, "no-replay-window");
        long dropped = result.meters.count("logshield.tls.dropped");
        long silent = result.tally.missing() - dropped;
        System.out.printf("octet counting without replay window: %d lost, %d of them counted as dropped %s, %d lost"
                + " silently%n", result.tally.missing(), dropped,
                result.meters.countsBy("logshield.tls.dropped", "reason"), silent);
        assertThat(result.tally.duplicates()).isZero();
        assertThat(result.tally.firstArrivalsInOrder()).isTrue();
        assertThat(result.tally.missingRuns()).as("lost events lie in one run, around the crash").isLessThanOrEqualTo(1);
        assertThat(dropped).as("every event counted as dropped is missing").isLessThanOrEqualTo(result.tally.missing());
    }

    private record Result(DeliveryTally tally, RegisteredMeters meters) {
    }

    private Result run(int replayWindow, String name) throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        RegisteredMeters meters = RegisteredMeters.register("octet-killed-" + name);
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.TCP_TLS, pki.caCert(),
                pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), true).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", rsyslog.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "replayWindow", String.valueOf(replayWindow), "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
            Logger logger = context.getLogger("com.example.shop.Orders");
            long start = System.currentTimeMillis();
            CollectorCrash crash = CollectorCrash.afterMessages(rsyslog, EVENTS / 4, 1_000);
            for (int i = 0; i < EVENTS; i++) {
                logger.info("event {}", i);
            }
            crash.await(60_000);
            context.stop();
            long stopped = System.currentTimeMillis();
            DeliveryTally tally = DeliveryTally.await(rsyslog.receivedFile(), "event", EVENTS, 30_000);
            System.out.printf("octet counting, replay window %d, rsyslog SIGKILLed after %d messages, down %d ms: %s;"
                            + " %d ms; sent %d, replayed %d, dropped %s%n", replayWindow, crash.messagesBeforeKill(),
                    crash.downMillis(), tally, stopped - start, meters.count("logshield.tls.sent"),
                    meters.count("logshield.tls.replayed"), meters.countsBy("logshield.tls.dropped", "reason"));
            assertThat(crash.messagesBeforeKill()).isLessThan(EVENTS);
            assertThat(meters.count("logshield.tls.reconnects")).isGreaterThanOrEqualTo(2);
            return new Result(tally, meters);
        } finally {
            meters.close();
        }
    }
}
