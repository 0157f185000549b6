package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * MDC entries, key-values and marker fields named like a standard field ({@code level}, {@code message},
 * {@code @timestamp}, a field renamed with {@code <fieldNames>}, LogShield's own error flag) can neither overwrite
 * nor duplicate it: they are kept as {@code mdc.}/{@code arg.}/{@code marker.} + name and counted, in the
 * encoder, in a composite encoder with {@code RedactingJsonProviders}, and with the decorator alone.
 */
class StandardFieldsCannotBeForgedTest {

    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private JsonLogback logback;

    @BeforeEach
    void logForgedEvent() {
        MicrometerRegistries.register("json-protected", registry);
        logback = JsonLogback.configure("StandardFieldsCannotBeForgedTest", dir);
        MDC.put("level", "mdc-level");
        MDC.put("@timestamp", "mdc-ts");
        MDC.put("message", "mdc-msg");
        MDC.put("severity", "mdc-severity");
        logback.logger("x").atInfo()
                .addKeyValue("message", "kv-msg").addKeyValue("@timestamp", "kv-ts").addKeyValue("level", "kv-level")
                .addMarker(Markers.append("level", "marker-level").and(Markers.append("logshield_error_flag", false)))
                .log("the real message to jane.doe@example.com");
        MDC.clear();
    }

    @AfterEach
    void stop() {
        logback.close();
        MicrometerRegistries.unregister("json-protected");
    }

    private static void assertApplicationDataKept(JsonNode e) {
        assertThat(e.get("message").stringValue()).isEqualTo("the real message to [REDACTED:email]");
        assertThat(e.get("@timestamp").stringValue()).startsWith("20");
        assertThat(e.get("mdc.level").stringValue()).isEqualTo("mdc-level");
        assertThat(e.get("mdc.@timestamp").stringValue()).isEqualTo("mdc-ts");
        assertThat(e.get("mdc.message").stringValue()).isEqualTo("mdc-msg");
        assertThat(e.get("arg.message").stringValue()).isEqualTo("kv-msg");
        assertThat(e.get("arg.@timestamp").stringValue()).isEqualTo("kv-ts");
        assertThat(e.get("arg.level").stringValue()).isEqualTo("kv-level");
        assertThat(e.get("marker.level").stringValue()).isEqualTo("marker-level");
        assertThat(e.get("marker.logshield_error_flag").booleanValue()).isFalse();
        assertThat(e.has("logshield_error_flag")).isFalse();
    }

    @Test
    void logstashEncoderFieldsWinAndApplicationDataIsPrefixedAndCounted() {
        JsonNode e = logback.event("default.log");
        assertApplicationDataKept(e);
        assertThat(e.get("level").stringValue()).isEqualTo("INFO");
        assertThat(e.get("severity").stringValue()).as("not a standard name here").isEqualTo("mdc-severity");

        RedactingJsonEncoder encoder = logback.encoder("DEFAULT");
        assertThat(encoder.getProtectedFieldRenames()).isEqualTo(8);
        assertThat(registry.get("logshield.json.protected_field_renamed").tag("reason", "protected").counter().count())
                .isEqualTo(8.0);
        assertThat(registry.get("logshield.redactions").tag("rule", "email").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aFieldRenamedWithFieldNamesIsProtectedUnderItsNewName() {
        JsonNode e = logback.event("renamed.log");
        assertApplicationDataKept(e);
        assertThat(e.get("severity").stringValue()).isEqualTo("INFO");
        assertThat(e.get("mdc.severity").stringValue()).isEqualTo("mdc-severity");
        assertThat(e.has("level")).as("the default name stays protected after a rename").isFalse();
    }

    @Test
    void compositeProvidersProtectStandardFieldsWrittenAfterTheApplicationData() {
        JsonNode e = logback.event("composite.log");
        assertApplicationDataKept(e);
        assertThat(e.get("severity").stringValue()).isEqualTo("INFO");
        assertThat(e.get("mdc.severity").stringValue()).isEqualTo("mdc-severity");
    }

    @Test
    void theDecoratorAloneFindsWhoWritesAStandardName() {
        JsonNode e = logback.event("decorator-only.log");
        assertApplicationDataKept(e);
        assertThat(e.get("level").stringValue()).isEqualTo("INFO");
    }
}
