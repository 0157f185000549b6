package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.SecretEvents;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encrypted appender redacts by default, whatever its encoder: with Logback's plain pattern encoder
 * ({@code %msg %X %kvp%n%ex}) and no {@code <redaction>} element, secrets in the message, a placeholder argument,
 * the MDC, a key-value pair and an exception's message, cause and suppressed exception are not in the decrypted file;
 * the benign text beside each is.
 */
class SecretsAreRedactedBeforeEncryptionTest {

    @TempDir
    Path dir;

    @Test
    void thePlainPatternEncoderWritesTheRedactedView() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        SecretEvents.log(context.getLogger("shop.Payments"));
        context.stop();

        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.text()).doesNotContain(SecretEvents.secrets())
                .contains("order 42: card [REDACTED:credit-card] paid by [REDACTED:email] ")
                .contains("contact=call [REDACTED:email]", "order=order-42", "password=[REDACTED:")
                .contains("token=\"[REDACTED:")
                .contains("\nrefund failed ")
                .contains("java.lang.RuntimeException: refund of card [REDACTED:credit-card] failed")
                .contains("Suppressed: java.lang.IllegalArgumentException: cleanup used key [REDACTED:aws-access-key]")
                .contains("Caused by: java.lang.IllegalStateException: ledger login failed for [REDACTED:email]")
                .contains("\tat dev.logshield.crypto.testing.SecretEvents.log(SecretEvents.java:");
        assertThat(XmlConfiguredContext.statusMessages(context, Status.WARN)).isEmpty();
    }
}
