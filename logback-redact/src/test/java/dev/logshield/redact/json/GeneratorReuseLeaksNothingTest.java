package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logstash reuses one generator per thread. An event that fails half-way inside a masked (sensitive) structure
 * leaves nothing behind: the next event on the same thread is written in full, unmasked where it should be,
 * without the previous event's names, errors or masking.
 */
class GeneratorReuseLeaksNothingTest {

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("GeneratorReuseLeaksNothingTest", dir);
    }

    @AfterEach
    void stop() {
        logback.close();
    }

    private void logFailingThenClean() {
        logback.logger("x").info("first {} {}", kv("note", "before"), new HalfWrittenSecret());
        logback.logger("x").info("second {} {} {}", kv("note", "visible"), kv("inner", "y"), kv("deeper", "z"));
    }

    private static void assertCleanSecondEvent(JsonNode second) {
        assertThat(second.get("message").stringValue()).isEqualTo("second note=visible inner=y deeper=z");
        assertThat(second.get("note").stringValue()).isEqualTo("visible");
        assertThat(second.get("inner").stringValue()).isEqualTo("y");
        assertThat(second.get("deeper").stringValue()).isEqualTo("z");
        assertThat(second.has("logshield_error")).isFalse();
        assertThat(second.has("note#2")).isFalse();
    }

    @Test
    void theEncoderKeepsTheFailedEventAndTheNextIsClean() {
        logFailingThenClean();
        List<JsonNode> events = logback.events("encoder.log");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("secret").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(events.get(0).get("logshield_error_flag").booleanValue()).isTrue();
        assertCleanSecondEvent(events.get(1));
    }

    @Test
    void compositeProvidersKeepTheFailedEventAndTheNextIsClean() {
        logFailingThenClean();
        List<JsonNode> events = logback.events("composite.log");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("logshield_error_flag").booleanValue()).isTrue();
        assertCleanSecondEvent(events.get(1));
    }

    @Test
    void withStockProvidersTheFailedEventIsReportedAndTheNextIsClean() {
        logFailingThenClean();
        List<JsonNode> events = logback.events("decorator-only.log");
        assertThat(events).as("logstash itself drops an event whose provider throws").hasSize(1);
        assertCleanSecondEvent(events.get(0));
        assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("DECORATOR_ONLY"));
    }

    @Test
    void aReusedGeneratorStartsEveryRootObjectAfresh() {
        RedactingJsonGeneratorDecorator decorator = new RedactingJsonGeneratorDecorator();
        decorator.setContext(logback.context);
        decorator.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonGenerator g = decorator.decorate(JsonMapper.builder().build().createGenerator(out));
        g.writeStartObject();
        g.writeName("password");
        g.writeStartObject(); // masked: nested writes swallowed until its end
        g.writeStringProperty("a", "b");
        g.writeEndObject();
        g.writeStringProperty("note", "n");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringProperty("note", "again");
        g.writeStringProperty("password", "x");
        g.writeEndObject();
        g.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"password\":\"[REDACTED:secret]\",\"note\":\"n\"} {\"note\":\"again\",\"password\":\"[REDACTED:secret]\"}");
    }
}
