package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code <recipientsFile>} names the readers in a file distributed to hosts (comments and blank lines allowed):
 * every recipient listed can decrypt. A file that lists nobody, or is missing, leaves the appender stopped with an
 * error and nothing written.
 */
class RecipientsFileListsTheReadersTest {

    @TempDir
    Path dir;

    @Test
    void everyListedRecipientDecrypts() throws Exception {
        TestIdentity security = TestIdentity.generate();
        TestIdentity operations = TestIdentity.generate();
        Path recipients = Files.writeString(dir.resolve("recipients.txt"), "# who may read the production logs\n"
                + "\n"
                + "# security team, key of 2026-01\n"
                + security.recipient() + "\n"
                + "   " + operations.recipient() + "   \n"
                + "# end\n");
        LoggerContext context = configure(recipients);
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        context.getLogger("x").info("read by both teams");
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        for (TestIdentity reader : List.of(security, operations)) {
            Decrypted decrypted = Decrypted.files(List.of(dir.resolve("logs/app.lse")), reader.identity());
            assertThat(decrypted.report().findings()).isEmpty();
            assertThat(decrypted.lines()).containsExactly("read by both teams");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "only comments | # nobody yet\\n\\n | recipients file {file} lists no recipient",
        "empty         |                   | recipients file {file} lists no recipient",
        "missing       | MISSING           | recipients file not found: {file}"})
    void aFileWithoutRecipientsLeavesTheAppenderStopped(String what, String content, String error) throws Exception {
        Path recipients = dir.resolve("recipients.txt");
        if (!"MISSING".equals(content)) {
            Files.writeString(recipients, content == null ? "" : content.replace("\\n", "\n"));
        }
        LoggerContext context = configure(recipients);
        context.getLogger("x").info("must never be written");
        context.stop();

        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        assertThat(XmlConfiguredContext.errors(context)).singleElement().asString()
                .isEqualTo("[VAULT] stays stopped, nothing is written: " + error.replace("{file}", recipients.toString()));
        assertThat(Files.exists(dir.resolve("logs"))).isFalse();
    }

    private LoggerContext configure(Path recipients) {
        return XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipientsFile", recipients.toString()));
    }

}
