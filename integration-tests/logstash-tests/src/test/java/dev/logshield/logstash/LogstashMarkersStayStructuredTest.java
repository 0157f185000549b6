package dev.logshield.logstash;

import static dev.logshield.logstash.Secrets.CARD_MASK;
import static dev.logshield.logstash.Secrets.EMAIL_MASK;
import static dev.logshield.logstash.Secrets.SECRET_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * logstash-logback-encoder's {@code Markers.append...} behind {@code RedactingAppender} are still written by
 * {@code LogstashEncoder} as JSON fields with their values redacted, a chain built with {@code .and(...)} field
 * by field, and {@code Markers.defer(...)} evaluated.
 */
class LogstashMarkersStayStructuredTest {

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

    private JsonNode logged(SecretBearingEvent event) {
        event.logTo(logging.logger());
        return logging.onlyEvent();
    }

    @Test
    void appendedChainKeepsEveryField() {
        JsonNode json = logged(SecretBearingEvent.MARKERS_APPENDED);

        assertThat(json.get("customer").asText()).isEqualTo(EMAIL_MASK);
        assertThat(json.get("safe").asText()).isEqualTo("ok");
        assertThat(json.get("message").asText()).isEqualTo("order placed");
    }

    @Test
    void appendedEntriesStayTopLevelFields() {
        JsonNode json = logged(SecretBearingEvent.MARKER_ENTRIES);

        assertThat(json.get("city").asText()).isEqualTo("Oslo");
        assertThat(json.get("card").asText()).isEqualTo(CARD_MASK);
    }

    @Test
    void appendedRawJsonWithASecretBecomesAStringField() {
        JsonNode json = logged(SecretBearingEvent.MARKER_RAW);

        assertThat(json.get("payload").isTextual()).as("payload: %s", json.get("payload")).isTrue();
        assertThat(json.get("payload").asText()).isEqualTo("{\"password\":\"" + SECRET_MASK + "\"}");
    }

    @Test
    void appendedRawJsonWithNothingToRedactStaysJson() {
        logging.logger().info(Markers.appendRaw("geo", "{\"city\":\"Oslo\"}"), "geo");

        JsonNode geo = logging.onlyEvent().get("geo");
        assertThat(geo.isObject()).as("geo: %s", geo).isTrue();
        assertThat(geo.get("city").asText()).isEqualTo("Oslo");
    }

    @Test
    void deferredMarkerIsEvaluatedAndItsValueRedacted() {
        JsonNode json = logged(SecretBearingEvent.MARKER_DEFER);

        assertThat(json.get("customer").asText()).isEqualTo(EMAIL_MASK);
    }
}
