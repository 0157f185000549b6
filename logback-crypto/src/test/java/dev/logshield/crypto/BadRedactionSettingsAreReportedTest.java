package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad {@code <redaction>} element of the encrypted appender (an unknown detector name) is the status error the
 * redacting encoders give, naming it; the appender still starts, the valid rest of the element applies and the
 * built-in detectors stay on.
 */
class BadRedactionSettingsAreReportedTest {

    @TempDir
    Path dir;

    @Test
    void unknownDetectorIsReportedAndRedactionStaysOn() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        assertThat(XmlConfiguredContext.errors(context))
                .anySatisfy(m -> assertThat(m).startsWith("Redaction: unknown detector 'emial' (did you mean 'email'?)"));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        context.getLogger("pay").info("card 4111111111111111 pin=1234 for jane.doe@example.com");
        context.stop();

        String text = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity()).text();
        assertThat(text).doesNotContain("4111111111111111", "1234", "jane.doe@example.com")
                .contains("card [REDACTED:credit-card] pin=[REDACTED:", " for [REDACTED:email]");
    }
}
