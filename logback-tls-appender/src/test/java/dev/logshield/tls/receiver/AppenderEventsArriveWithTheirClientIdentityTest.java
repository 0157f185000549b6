package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

/**
 * LogShield's own {@code MtlsAppender} (RFC 5424 encoder; octet counting, then RELP) shipping to an
 * {@code MtlsReceiver}: each event reaches the receiver context's appender with its level, logger, message and MDC,
 * plus {@code client.cn}, {@code client.subject}, {@code client.spki} and {@code client.address} from the client's
 * verified certificate and socket. A client that puts {@code client.cn} (or {@code Client.Subject}) in its own MDC
 * cannot pass for another: the receiver replaces them. The receiver redacts by default, so the IP address in
 * {@code client.address} is masked by the {@code ipv4} detector.
 */
class AppenderEventsArriveWithTheirClientIdentityTest {

    private static final String NAME = "AppenderEventsArriveWithTheirClientIdentityTest";

    private final TestPki pki = SharedPki.get();

    @ParameterizedTest
    @ValueSource(strings = {"octet-counting", "relp"})
    void eventsCarryWhatTheClientLoggedAndWhoItIs(String framing) {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext receiverContext = ReceiverContexts.configure(NAME, pki,
                    Map.of("framing", framing, "registry", meters.name()));
            MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
            LoggerContext client = XmlConfiguredContext.configure("receiver/" + NAME + "-client", Map.of(
                    "destination", "127.0.0.1:" + receiver.localPort(), "framing", framing,
                    "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            try {
                MDC.put("order", "42");
                MDC.put("client.cn", "forged.example");
                MDC.put("Client.Subject", "CN=forged.example");
                client.getLogger("shop.Orders").warn("payment declined");
                MDC.clear();
                client.getLogger("shop.Audit").info("refund {} issued", 7);
                client.getLogger("shop.Audit").debug("detail");

                List<ILoggingEvent> events = ReceiverContexts.received(receiverContext).await(3, Duration.ofSeconds(10));
                assertThat(events).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.DEBUG);
                assertThat(events).extracting(ILoggingEvent::getLoggerName)
                        .containsExactly("shop.Orders", "shop.Audit", "shop.Audit");
                assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
                        .containsExactly("payment declined", "refund 7 issued", "detail");

                Map<String, String> mdc = events.get(0).getMDCPropertyMap();
                assertThat(mdc).containsEntry("order", "42")
                        .containsEntry("client.cn", "client1.test")
                        .containsEntry("client.subject", "CN=client1.test")
                        .containsEntry("client.spki", pki.client("client1").spkiPin())
                        .doesNotContainKey("Client.Subject");
                // the receiver redacts by default, its identity entries too: the ipv4 detector masks the address
                assertThat(mdc.get("client.address")).matches("\\[REDACTED:ipv4\\]:\\d+");
                assertThat(events.get(1).getMDCPropertyMap()).doesNotContainKey("order")
                        .containsEntry("client.cn", "client1.test");
                assertThat(meters.awaitCount("logshield.receiver.events", 3, Duration.ofSeconds(2),
                        "client", "client1.test")).isEqualTo(3);
                assertThat(meters.count("logshield.receiver.connections.accepted")).isEqualTo(1);
                assertThat(XmlConfiguredContext.errors(receiverContext)).isEmpty();
            } finally {
                MDC.clear();
                client.stop();
                receiverContext.stop();
            }
            assertThat(receiver.isStarted()).as("stopped with its context").isFalse();
        }
    }
}
