package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.framing.relp.RelpCommandEncoder;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event longer than RELP carries (128 KiB, the collector's default {@code maxDataSize}) is dropped when it is
 * appended, counted in {@code logshield.tls.dropped{reason=too-large}} and reported, and the events after it are
 * delivered: it is never sent, so it can neither end the session nor be re-sent forever in front of them.
 */
class OversizedEventIsDroppedNotResentOverRelpTest {

    private static final String NAME = "OversizedEventIsDroppedNotResentOverRelpTest";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestPki pki = SharedPki.get();

    @Test
    void theEventsAfterAnOversizedOneArrive() {
        try (TestMeters receiverMeters = TestMeters.register(); TestMeters clientMeters = TestMeters.register()) {
            LoggerContext receiverContext = ReceiverContexts.configure("RelpAcknowledgesDispatchedEventsTest", pki,
                    Map.of("registry", receiverMeters.name(), "delayMillis", "0"));
            MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
            LoggerContext client = XmlConfiguredContext.configure("receiver/RelpClient", NAME + "-client", Map.of(
                    "destination", "127.0.0.1:" + receiver.localPort(), "registry", clientMeters.name(),
                    "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            try {
                client.getLogger("shop.Orders").info("before");
                client.getLogger("shop.Orders").info("x".repeat(RelpCommandEncoder.DEFAULT_MAX_DATA_LENGTH + 1));
                client.getLogger("shop.Orders").info("after");

                assertThat(ReceiverContexts.received(receiverContext).await(2, WAIT))
                        .extracting(ILoggingEvent::getFormattedMessage).containsExactly("before", "after");
                assertThat(clientMeters.awaitCount("logshield.tls.acknowledged", 2, WAIT)).isEqualTo(2);
                assertThat(clientMeters.count("logshield.tls.dropped", "reason", "too-large")).isEqualTo(1);
                assertThat(XmlConfiguredContext.statuses(client, 1))
                        .anyMatch(s -> s.contains("too-large") && s.contains("relp"));
            } finally {
                client.stop();
                receiverContext.stop();
            }
        }
    }
}
