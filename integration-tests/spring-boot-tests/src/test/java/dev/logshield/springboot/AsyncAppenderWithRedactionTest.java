package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@code AsyncAppender} on either side of the redaction, with Boot's {@code FILE_LOG_PATTERN}: a
 * {@code RedactingAppender} before it (the queue holds redacted views, rendered later on the worker thread), after it
 * (the worker thread redacts), and a redacting encoder behind it. Each writes everything, and no secret.
 */
class AsyncAppenderWithRedactionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"redacting-then-async", "async-then-redacting", "async-then-redacting-encoder"})
    void everyEventIsWrittenRedacted(String chain) {
        try (BootLogging boot = BootLogging.start("AsyncAppenderWithRedactionTest-" + chain, dir)) {
            SecretBearingEvents.log(boot.logger());
            String written = boot.logFileContent(); // stops Logback: the AsyncAppender delivers its queue first

            BootPatternOutput.assertRedactedAndReadable(written);
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }
}
