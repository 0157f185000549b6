package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boot's own {@code file-appender.xml}, included unchanged (a plain {@code PatternLayoutEncoder} with
 * {@code FILE_LOG_PATTERN}, writing to {@code logging.file.name}), reached only through a {@code RedactingAppender}:
 * what Boot writes with its own encoder and its {@code %wEx} holds no secret.
 */
class BootFileAppenderBehindRedactingAppenderTest {

    @TempDir
    Path dir;

    @Test
    void bootsOwnFileAppenderWritesOnlyRedactedData() {
        try (BootLogging boot = BootLogging.start("BootFileAppenderBehindRedactingAppenderTest", dir)) {
            SecretBearingEvents.log(boot.logger());
            String written = boot.logFileContent();

            BootPatternOutput.assertRedactedAndReadable(written);
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }
}
