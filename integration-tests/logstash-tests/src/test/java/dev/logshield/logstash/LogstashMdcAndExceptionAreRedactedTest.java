package dev.logshield.logstash;

import static dev.logshield.logstash.Secrets.EMAIL_MASK;
import static dev.logshield.logstash.Secrets.SECRET_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of an event that are not logstash-logback-encoder's own, as {@code LogstashEncoder} writes them behind
 * {@code RedactingAppender}: MDC entries stay top-level fields with their values redacted, and the stack trace keeps
 * the exception's class and frames with its message redacted.
 */
class LogstashMdcAndExceptionAreRedactedTest {

    @TempDir
    Path dir;
    private LogstashLogging logging;

    @BeforeEach
    void start() {
        logging = LogstashLogging.start(LogstashLogging.REDACTED, dir);
    }

    @AfterEach
    void stop() {
        logging.close();
    }

    @Test
    void mdcValuesStayFieldsWithTheirValuesRedacted() {
        SecretBearingEvent.MDC_VALUE.logTo(logging.logger());

        JsonNode json = logging.onlyEvent();
        assertThat(json.get("customer").asText()).isEqualTo(EMAIL_MASK);
        assertThat(json.get("region").asText()).isEqualTo("eu-north-1");
    }

    @Test
    void stackTraceKeepsClassAndFramesWithTheMessageRedacted() {
        SecretBearingEvent.EXCEPTION.logTo(logging.logger());

        JsonNode json = logging.onlyEvent();
        assertThat(json.get("message").asText()).isEqualTo("login failed");
        assertThat(json.get("stack_trace").asText())
                .startsWith("java.lang.IllegalStateException: no account for " + EMAIL_MASK + " with password="
                        + SECRET_MASK)
                .contains("at dev.logshield.logstash.SecretBearingEvent");
    }
}
