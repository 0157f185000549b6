package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * When the event cannot be written at all (here the generator itself fails), the encoder neither throws nor drops
 * it: it writes a minimal event (timestamp, level, logger, redacted message, error fields, configured field names)
 * on its own line, reports the failure, and the next event is written normally.
 */
class EncoderFailureWritesMinimalEventTest {

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("EncoderFailureWritesMinimalEventTest", dir);
    }

    @AfterEach
    void stop() {
        ExplodingGeneratorDecorator.ARMED.set(false);
        logback.close();
    }

    @Test
    void aFailedEventBecomesAMinimalEventAndTheNextOneIsNormal() {
        ExplodingGeneratorDecorator.ARMED.set(true);
        logback.logger("com.acme.Svc").warn("mail \"jane.doe@example.com\" \u202e");
        ExplodingGeneratorDecorator.ARMED.set(false);
        logback.logger("com.acme.Svc").info("next");

        assertThat(logback.written("out.log")).doesNotContain("jane.doe").doesNotContain("\u202e");
        List<JsonNode> events = logback.events("out.log");
        assertThat(events).hasSize(2);
        JsonNode minimal = events.get(0);
        assertThat(minimal.get("@timestamp").stringValue()).endsWith("Z");
        assertThat(minimal.get("severity").stringValue()).isEqualTo("WARN");
        assertThat(minimal.get("logger_name").stringValue()).isEqualTo("com.acme.Svc");
        assertThat(minimal.get("message").stringValue()).isEqualTo("mail \"[REDACTED:email]\" \u202e");
        assertThat(minimal.get("logshield_error").stringValue())
                .isEqualTo("event serialisation failed: java.lang.IllegalStateException");
        assertThat(minimal.get("logshield_error_flag").booleanValue()).isTrue();
        assertThat(events.get(1).get("message").stringValue()).isEqualTo("next");
        assertThat(events.get(1).has("logshield_error_flag")).isFalse();

        RedactingJsonEncoder encoder = logback.encoder("JSON");
        assertThat(encoder.getEncodeFailures()).isOne();
        assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("JSON encoding failed"));
    }

    @Test
    void encodeNeverThrowsEvenWhenStopped() {
        RedactingJsonEncoder encoder = logback.encoder("JSON");
        LoggingEvent event = new LoggingEvent("x", logback.context.getLogger("x"), Level.INFO, "m", null, null);
        assertThat(encoder.encode(event)).isNotEmpty();
        encoder.stop();
        assertThat(encoder.encode(event)).isEmpty();
        assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("not started"));
    }
}
