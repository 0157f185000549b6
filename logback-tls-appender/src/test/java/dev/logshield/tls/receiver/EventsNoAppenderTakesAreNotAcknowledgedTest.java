package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event no started appender takes (here: the root logger has none) is not acknowledged: RELP answers it
 * {@code 500}, the receiver counts it in {@code frames.dropped{reason=no-appender}} and says so, and the client
 * keeps it and sends it again, so it arrives once an appender is attached.
 */
class EventsNoAppenderTakesAreNotAcknowledgedTest {

    private static final String NAME = "EventsNoAppenderTakesAreNotAcknowledgedTest";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestPki pki = SharedPki.get();

    @Test
    void theEventIsRefusedUntilAnAppenderTakesIt() {
        try (TestMeters receiverMeters = TestMeters.register(); TestMeters clientMeters = TestMeters.register()) {
            LoggerContext receiverContext = ReceiverContexts.configure(NAME, pki,
                    Map.of("registry", receiverMeters.name()));
            MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
            LoggerContext client = XmlConfiguredContext.configure("receiver/RelpClient", NAME + "-client", Map.of(
                    "destination", "127.0.0.1:" + receiver.localPort(), "registry", clientMeters.name(),
                    "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            try {
                client.getLogger("shop.Orders").info("order 42 shipped");

                assertThat(receiverMeters.awaitCount("logshield.receiver.frames.dropped", 1, WAIT,
                        "reason", "no-appender")).isGreaterThanOrEqualTo(1);
                assertThat(clientMeters.count("logshield.tls.acknowledged")).as("acknowledged without an appender")
                        .isZero();
                assertThat(XmlConfiguredContext.statuses(receiverContext, 1))
                        .anyMatch(s -> s.contains("no started appender") && s.contains("shop.Orders"));

                ReceivedEvents received = new ReceivedEvents();
                received.setContext(receiverContext);
                received.setName("RECEIVED");
                received.start();
                Logger root = receiverContext.getLogger(Logger.ROOT_LOGGER_NAME);
                root.addAppender(received);

                List<ILoggingEvent> events = received.await(1, WAIT);
                assertThat(events).extracting(ILoggingEvent::getFormattedMessage).containsExactly("order 42 shipped");
                assertThat(clientMeters.awaitCount("logshield.tls.acknowledged", 1, WAIT)).isEqualTo(1);
                assertThat(clientMeters.count("logshield.tls.dropped")).isZero();
            } finally {
                client.stop();
                receiverContext.stop();
            }
        }
    }
}
