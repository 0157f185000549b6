package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.defer;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * A value that cannot be serialised (a getter that throws, a {@code toString()} that throws, a deferred argument
 * whose supplier throws, a POJO appended as top-level fields) does not lose the event: what it opened is closed,
 * its slot holds a placeholder, the rest of the event is written, and {@code logshield_error} (class names, never
 * messages) with {@code logshield_error_flag: true} say what failed. Nothing reaches the application. A value
 * fails alone; a failure outside any value (a supplier, an unwrapping serialiser) ends only its own provider.
 */
class SerialisationFailureKeepsTheEventTest {

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("SerialisationFailureKeepsTheEventTest", dir);
    }

    @AfterEach
    void stop() {
        logback.close();
    }

    private JsonNode onlyEvent() {
        assertThat(logback.written("out.log")).doesNotContain("hunter2");
        JsonNode e = logback.event("out.log");
        assertThat(e.get("level").stringValue()).isEqualTo("INFO");
        assertThat(e.get("logshield_error_flag").booleanValue()).isTrue();
        return e;
    }

    @Test
    void aThrowingGetterLeavesAClosedPartialObjectAndTheRestOfTheEvent() {
        logback.logger("x").info("user {} then {} and {}", kv("user", new ExplodingPojo()), kv("after", "kept"),
                new ExplodingPojo());
        JsonNode e = onlyEvent();
        assertThat(e.get("message").stringValue()).startsWith("user user=");
        assertThat(e.get("user").get("account").stringValue()).as("written before the failure").isEqualTo("jane-account");
        assertThat(e.get("user").size()).isOne();
        assertThat(e.get("after").stringValue()).isEqualTo("kept");
        assertThat(e.get("arg2").get("account").stringValue()).as("the plain argument, closed off too").isEqualTo("jane-account");
        assertThat(e.get("logshield_error").stringValue())
                .contains("argument serialisation failed: dev.logshield.redact.json.ExplodingPojo")
                .contains("DatabindException");
        RedactingJsonEncoder encoder = logback.encoder("JSON");
        assertThat(encoder.getSerialisationFailures()).isEqualTo(2);
        assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("ExplodingPojo").doesNotContain("hunter2"));
    }

    @Test
    void aFailureBeforeAnythingWasWrittenLeavesAPlaceholder() {
        logback.logger("x").info(Markers.append("owner", new ValueExplodes()).and(Markers.append("after", "kept")),
                "marked");
        JsonNode e = onlyEvent();
        assertThat(e.get("owner").stringValue()).isEqualTo("[unserialisable: dev.logshield.redact.json.ValueExplodes]");
        assertThat(e.get("after").stringValue()).isEqualTo("kept");
        assertThat(e.get("logshield_error").stringValue())
                .startsWith("marker serialisation failed: dev.logshield.redact.json.ValueExplodes");
    }

    @Test
    void aThrowingToStringStillGivesTheEvent() {
        logback.logger("x").info("value {} and {}", new ToStringExplodes(), kv("k", new ToStringExplodes()));
        JsonNode e = logback.event("out.log");
        assertThat(e.get("message").stringValue()).startsWith("value ").doesNotContain("hunter2");
        assertThat(e.get("arg0").isObject()).isTrue();
        assertThat(e.get("k").isObject()).isTrue();
    }

    /** Fails outside any value's serialisation: contained per provider, so later arguments are not written. */
    @Test
    void aDeferredArgumentWhoseSupplierThrowsIsContained() {
        StructuredArgument failing = defer(() -> {
            throw new IllegalStateException("supplier failed, password=hunter2");
        });
        MDC.put("request", "r-1");
        logback.logger("x").info("deferred {} {}", kv("before", "kept"), failing);
        MDC.clear();
        JsonNode e = onlyEvent();
        assertThat(e.get("before").stringValue()).isEqualTo("kept");
        assertThat(e.get("request").stringValue()).isEqualTo("r-1");
        assertThat(e.get("logshield_error").stringValue())
                .contains("argument serialisation failed: java.lang.IllegalStateException");
    }

    @Test
    void fieldsAppendedFromAThrowingPojoAreContained() {
        logback.logger("x").info(Markers.append("before", "kept").and(Markers.appendFields(new ExplodingPojo())),
                "fields {}", kv("argument", "kept"));
        JsonNode e = onlyEvent();
        assertThat(e.get("before").stringValue()).isEqualTo("kept");
        assertThat(e.get("account").stringValue()).isEqualTo("jane-account");
        assertThat(e.get("argument").stringValue()).as("the next provider runs").isEqualTo("kept");
        assertThat(e.get("logshield_error").stringValue()).startsWith("marker serialisation failed: ");
    }
}
