package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad {@code <redaction>} element of {@code MtlsAppender} (an unknown detector name) is the status error the
 * redacting encoders give, naming it; the appender still starts and ships, the valid rest of the element applies and
 * the built-in detectors stay on.
 */
class BadRedactionSettingsAreReportedTest {

    @Test
    void unknownDetectorIsReportedAndRedactionStaysOn() {
        TestPki pki = SharedPki.get();
        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            try {
                assertThat(XmlConfiguredContext.errors(context))
                        .anySatisfy(m -> assertThat(m).startsWith("Redaction: unknown detector 'emial' (did you mean 'email'?)"));
                assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();

                context.getLogger("pay").info("card 4111111111111111 pin=1234 for jane.doe@example.com");
                server.awaitReceived("card ", Duration.ofSeconds(5));
                String received = server.receivedText();
                assertThat(received).doesNotContain("4111111111111111", "1234", "jane.doe@example.com")
                        .contains("card [REDACTED:credit-card] pin=[REDACTED:", " for [REDACTED:email]");
            } finally {
                context.stop();
            }
        }
    }
}
