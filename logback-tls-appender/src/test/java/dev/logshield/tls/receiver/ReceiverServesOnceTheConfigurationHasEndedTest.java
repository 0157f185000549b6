package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Logback 1.5 and 1.6 start a {@code <contextListener>} before they attach the loggers' appender-refs, wherever the
 * listener stands in the file. A receiver that served from its {@code start()} acknowledged events while the root
 * logger had no appender, and lost them ("No appenders present in context"). Here a RELP client logs while the
 * receiver's own configuration is still running (from a probe listener declared after the receiver and before the
 * appender): the receiver must not acknowledge it then, and the event must reach the appender once the
 * configuration has ended.
 */
class ReceiverServesOnceTheConfigurationHasEndedTest {

    private static final String NAME = "ReceiverServesOnceTheConfigurationHasEndedTest";
    private static final String ACKNOWLEDGED = "logshield.tls.acknowledged";
    /** How long the probe holds the configuration up, giving a receiver that serves too early time to acknowledge. */
    private static final Duration HOLD = Duration.ofSeconds(3);

    private final TestPki pki = SharedPki.get();

    @Test
    void anEventSentDuringTheConfigurationIsAcknowledgedOnlyOnceAnAppenderHasIt() {
        try (TestMeters clientMeters = TestMeters.register()) {
            AtomicReference<LoggerContext> client = new AtomicReference<>();
            AtomicLong acknowledgedDuringConfiguration = new AtomicLong(-1);
            ConfigurationProbe.duringConfiguration = receiverContext -> {
                MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
                client.set(XmlConfiguredContext.configure("receiver/RelpClient", NAME + "-client", Map.of(
                        "destination", "127.0.0.1:" + receiver.localPort(), "registry", clientMeters.name(),
                        "clientCert", pki.client("client1").chain().toString(),
                        "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString())));
                client.get().getLogger("shop.Orders").info("sent while the receiver is being configured");
                acknowledgedDuringConfiguration.set(clientMeters.watchCount(ACKNOWLEDGED, 1, HOLD));
            };
            LoggerContext receiverContext = ReceiverContexts.configure(NAME, pki, Map.of());
            try {
                assertThat(client.get()).as("the probe ran; errors: %s", XmlConfiguredContext.errors(receiverContext))
                        .isNotNull();
                assertThat(acknowledgedDuringConfiguration.get())
                        .as("events acknowledged before the appender-refs were attached").isZero();

                List<ILoggingEvent> events = ReceiverContexts.received(receiverContext).await(1, Duration.ofSeconds(60));
                assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
                        .containsExactly("sent while the receiver is being configured");
                assertThat(clientMeters.awaitCount(ACKNOWLEDGED, 1, Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(XmlConfiguredContext.statuses(receiverContext, 1))
                        .noneMatch(s -> s.contains("No appenders present"));
                assertThat(XmlConfiguredContext.errors(receiverContext)).isEmpty();
            } finally {
                ConfigurationProbe.duringConfiguration = null;
                if (client.get() != null) {
                    client.get().stop();
                }
                receiverContext.stop();
            }
        }
    }
}
