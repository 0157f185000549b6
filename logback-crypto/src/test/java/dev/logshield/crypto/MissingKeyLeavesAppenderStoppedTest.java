package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a reader key the appender refuses to start, says why, and writes nothing at all (never clear text). */
class MissingKeyLeavesAppenderStoppedTest {

    @TempDir
    Path dir;

    @Test
    void noRecipientNoFileAndAClearError() throws Exception {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of("dir", dir.toString()));
        context.getLogger("x").info("secret that must never reach the disk");
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).anyMatch(m -> m.contains("no <recipient> and no <keystore>"));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
