package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SecretEvents;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code MtlsAppender} redacts by default: configured as users write it, with the default {@code Rfc5424Encoder}
 * (no {@code <messageLayout>}, MDC and key-value structured data on) or with logstash-logback-encoder's JSON lines,
 * and no {@code <redaction>} element, an event with a secret in its message, a placeholder argument, two MDC values,
 * a key-value pair and an exception's message, cause and suppressed exception reaches a real {@code MtlsReceiver}
 * (mutual TLS, certificates made for the run) without any of them, and with the benign text beside each intact. The
 * receiver's own redaction is switched off here (its warning is checked), so what arrives is what the appender sent.
 */
class ShippedEventsCarryNoSecretsTest {

    private static final String NAME = "ShippedEventsCarryNoSecretsTest";

    private final TestPki pki = SharedPki.get();

    @ParameterizedTest
    @ValueSource(strings = {"syslog", "json"})
    void noSecretLeavesTheApplication(String encoder) {
        LoggerContext receiverContext = ReceiverContexts.configure(NAME, pki, Map.of());
        MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
        LoggerContext client = XmlConfiguredContext.configure("receiver/" + NAME + "-" + encoder, Map.of(
                "destination", "127.0.0.1:" + receiver.localPort(),
                "clientCert", pki.client("client1").chain().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
        try {
            assertThat(XmlConfiguredContext.statuses(receiverContext, Status.WARN)).anySatisfy(m -> assertThat(m)
                    .startsWith("MtlsReceiver: <redaction><enabled>false</enabled></redaction> switches redaction off"));

            SecretEvents.log(client.getLogger("com.example.shop.Payments"));

            ILoggingEvent event = ReceiverContexts.received(receiverContext).await(1, Duration.ofSeconds(10)).get(0);
            Map<String, String> fields = event.getMDCPropertyMap();
            String everything = event.getFormattedMessage() + "\n" + fields;
            assertThat(everything).doesNotContain(SecretEvents.secrets())
                    .contains(SecretEvents.benignText());
            assertThat(event.getFormattedMessage())
                    .startsWith("order 42: card [REDACTED:credit-card] paid by [REDACTED:email]");
            assertThat(fields).containsEntry("contact", "call [REDACTED:email]")
                    .containsEntry("order", "order-42")
                    .containsKeys("password", "token");
            String stackTrace = encoder.equals("json") ? fields.get("stack_trace") : event.getFormattedMessage();
            assertThat(stackTrace).contains(
                    "java.lang.RuntimeException: refund of card [REDACTED:credit-card] failed",
                    "Suppressed: java.lang.IllegalArgumentException: cleanup used key [REDACTED:aws-access-key]",
                    "Caused by: java.lang.IllegalStateException: ledger login failed for [REDACTED:email]");
            assertThat(XmlConfiguredContext.errors(client)).isEmpty();
            assertThat(XmlConfiguredContext.statuses(client, Status.WARN)).isEmpty();
            assertThat(XmlConfiguredContext.errors(receiverContext)).isEmpty();
        } finally {
            client.stop();
            receiverContext.stop();
        }
    }
}
