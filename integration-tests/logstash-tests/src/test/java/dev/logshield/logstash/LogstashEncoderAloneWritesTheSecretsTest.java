package dev.logshield.logstash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The control: the same {@code LogstashEncoder} file appender without {@code RedactingAppender} writes each event's
 * secret, so the tests behind {@code RedactingAppender} fail if redaction is not what keeps the lines clean.
 */
class LogstashEncoderAloneWritesTheSecretsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SecretBearingEvent.class)
    void eachEventShowsItsSecret(SecretBearingEvent event) {
        try (LogstashLogging logging = LogstashLogging.start(LogstashLogging.UNREDACTED, dir)) {
            event.logTo(logging.logger());

            String line = logging.onlyLine();
            LogstashLogging.parse(line);
            assertThat(line).contains(event.secret());
        }
    }
}
