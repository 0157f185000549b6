package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The decorator alone, in a stock {@code LoggingEventCompositeJsonEncoder} with the user's own {@code <providers>}
 * (nested MDC, pattern provider, throwable message, stack trace), redacts every provider's output and masks the
 * policy's own sensitive names.
 */
class DecoratorRedactsInsideCompositeEncoderTest {

    private static final String EMAIL = "jane.doe@example.com";

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("DecoratorRedactsInsideCompositeEncoderTest", dir);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    @Test
    void everyProviderIsRedacted() {
        MDC.put("user", EMAIL);
        MDC.put("pin", "4321");
        MDC.put("authToken", "abc123");
        logback.logger("x").atError()
                .addMarker(Markers.append("owner", EMAIL))
                .addMarker(MarkerFactory.getMarker("tag " + EMAIL))
                .addKeyValue("pin", 1234)
                .setCause(new IllegalStateException("failed for " + EMAIL))
                .log("pay {} {} {}", kv("contact", EMAIL), raw("payload", "{\"password\":\"hunter2\"}"), EMAIL);

        assertThat(withoutTimestampAndDir(logback.written("out.log"))).doesNotContain(EMAIL).doesNotContain("hunter2").doesNotContain("4321")
                .doesNotContain("1234").doesNotContain("abc123");
        JsonNode e = logback.event("out.log");
        assertThat(e.get("message").stringValue()).isEqualTo("pay contact=[REDACTED:email] payload={\"password\":\"[REDACTED:secret]\"} [REDACTED:email]");
        assertThat(e.get("mdc").get("user").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("mdc").get("pin").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("mdc").get("authToken").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("pin").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("contact").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("payload").get("password").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("arg2").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("owner").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("tags").get(0).stringValue()).isEqualTo("tag [REDACTED:email]");
        assertThat(e.get("request").get("user").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("request").get("pin").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("throwable_message").stringValue()).isEqualTo("failed for [REDACTED:email]");
        assertThat(e.get("stack_trace").stringValue()).contains("IllegalStateException: failed for [REDACTED:email]");
        assertThat(logback.errors()).isEmpty();
    }

    /** The event without the fields whose digits are random (timestamp, temp directory), for raw digit checks. */
    private static String withoutTimestampAndDir(String raw) {
        return raw.replaceAll("\"@timestamp\":\"[^\"]*\"", "").replaceAll("\"dir\":\"[^\"]*\"", "");
    }
}
