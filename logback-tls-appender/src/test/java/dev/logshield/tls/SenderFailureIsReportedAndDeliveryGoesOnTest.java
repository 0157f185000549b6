package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.CounterFailingOnceRegistry;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Something thrown on the sender thread does not end delivery: here the application's Micrometer registry throws
 * once, counting the first batch as sent. The failure is one status error carrying the exception, the batch the
 * sender held is counted as dropped ({@code reason=sender-failure}) rather than retried, and the sender starts over:
 * every later event is delivered and counted, and under {@code overflowPolicy=block} the application never waits its
 * {@code blockTimeout} of 10 minutes. A dead sender would leave 96 of the 100 calls that follow, on a queue of 4, each
 * waiting 10 minutes: the calls run under a 60-second guard, which a busy machine cannot come near.
 */
class SenderFailureIsReportedAndDeliveryGoesOnTest {

    private static final String REPORT = "the sender thread failed";

    private final TestPki pki = SharedPki.get();

    @Test
    void theFailureIsReportedOnceTheBatchHeldIsCountedAndLaterEventsArrive() {
        try (TlsTestServer server = TlsTestServer.builder(pki).start();
             TestMeters meters = TestMeters.register(new CounterFailingOnceRegistry("logshield.tls.sent"))) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
            Logger logger = context.getLogger("app");

            logger.info("event <0>");
            Statuses.awaitError(context, REPORT, Duration.ofSeconds(10));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 1; i <= 100; i++) {
                    logger.info("event <{}>", i);
                }
            }, "100 log calls on a queue of 4 (blockTimeout 10 minutes)");
            server.awaitReceived("event <100>", Duration.ofSeconds(10));
            assertThat(meters.awaitCount("logshield.tls.sent", 100, Duration.ofSeconds(10))).as("sent").isEqualTo(100);

            assertThat(meters.countsBy("logshield.tls.dropped", "reason")).as("dropped, by reason")
                    .isEqualTo(Map.of("sender-failure", 1L));
            assertThat(meters.count("logshield.tls.sender_failures")).isEqualTo(1);
            List<Status> reports = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(s -> s.getLevel() == Status.ERROR && s.getMessage().contains(REPORT)).toList();
            assertThat(reports).as("reports of the failure").singleElement().satisfies(report -> {
                assertThat(report.getMessage()).contains("[SHIP]", "IllegalStateException",
                        CounterFailingOnceRegistry.FAILURE, "the 1 event(s) it held are dropped", "reason=sender-failure");
                assertThat(report.getThrowable()).isInstanceOf(IllegalStateException.class);
            });
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();

            context.stop();
            assertThat(meters.count("logshield.tls.sent") + meters.count("logshield.tls.dropped"))
                    .as("every event delivered or counted").isEqualTo(101);
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
        }
    }
}
