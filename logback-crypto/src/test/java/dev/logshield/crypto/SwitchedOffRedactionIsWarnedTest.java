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
 * {@code <redaction><enabled>false</enabled></redaction>} is the only way to write events unredacted into the
 * encrypted file, and it is never silent: a status warning naming the appender says that secrets reach the file in
 * clear. The events are then written as logged.
 */
class SwitchedOffRedactionIsWarnedTest {

    @TempDir
    Path dir;

    @Test
    void switchingRedactionOffIsWarned() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        assertThat(XmlConfiguredContext.statusMessages(context, Status.WARN)).anySatisfy(m -> assertThat(m).startsWith(
                "EncryptedFileAppender [VAULT]: <redaction><enabled>false</enabled></redaction> switches redaction off")
                .contains("in clear"));
        SecretEvents.log(context.getLogger("shop.Payments"));
        context.stop();

        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.text()).contains(SecretEvents.secrets()).doesNotContain("[REDACTED");
    }
}
