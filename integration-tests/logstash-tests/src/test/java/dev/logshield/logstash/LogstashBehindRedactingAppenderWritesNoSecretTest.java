package dev.logshield.logstash;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every secret-bearing event, written by {@code LogstashEncoder} behind {@code RedactingAppender}: one valid JSON
 * line holding none of the secrets, in which nothing had to be withheld because its redaction failed (a failure
 * hides the secret but also the data, which would make a missing reflection field look like success), and no
 * status warning or error.
 */
class LogstashBehindRedactingAppenderWritesNoSecretTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SecretBearingEvent.class)
    void noSecretInTheLine(SecretBearingEvent event) {
        try (LogstashLogging logging = LogstashLogging.start(LogstashLogging.REDACTED, dir)) {
            event.logTo(logging.logger());

            String line = logging.onlyLine();
            JsonNode json = LogstashLogging.parse(line);
            assertThat(line).doesNotContain(Secrets.ALL).doesNotContain(Secrets.FAILED).contains(Secrets.MASK);
            assertThat(json.path("logger_name").asText()).isEqualTo("com.example.shop.CheckoutService");
            assertThat(logging.statusMessages(Status.WARN)).isEmpty();
        }
    }
}
