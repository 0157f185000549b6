package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;

/**
 * Raw JSON ({@code StructuredArguments.raw}, {@code Markers.appendRaw}) and every low-level generator method
 * that writes bytes verbatim are parsed or treated as text: their secrets are redacted, they cannot inject fields,
 * and the output stays valid JSON. Logstash's own masking passes raw JSON through untouched.
 */
class RawJsonCannotBypassRedactionTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String PAYLOAD = "{\"password\":\"hunter2\",\"contact\":\"" + EMAIL + "\","
            + "\"card\":4111111111111111,\"items\":[{\"token\":{\"a\":1}},\"ok\"]}";

    @TempDir
    Path dir;
    private JsonLogback logback;
    private Logger log;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("RawJsonCannotBypassRedactionTest", dir);
        log = logback.logger("x");
    }

    @AfterEach
    void stop() {
        logback.close();
    }

    private static void assertPayloadRedacted(JsonNode p) {
        assertThat(p.get("password").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(p.get("contact").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(p.get("card").stringValue()).isEqualTo("[REDACTED:credit-card]");
        assertThat(p.get("items").get(0).get("token").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(p.get("items").get(1).stringValue()).isEqualTo("ok");
    }

    @Test
    void rawStructuredArgumentsAreParsedAndRedacted() {
        log.info("raw {}", raw("payload", PAYLOAD));
        assertPayloadRedacted(logback.event("out.log").get("payload"));
        assertThat(logback.written("out.log")).doesNotContain("hunter2").doesNotContain(EMAIL).doesNotContain("4111 1111").doesNotContain("4111111111111111");
    }

    @Test
    void rawMarkersAreParsedAndRedacted() {
        log.info(Markers.appendRaw("payload", PAYLOAD), "raw marker");
        assertPayloadRedacted(logback.event("out.log").get("payload"));
    }

    @Test
    void rawJsonUnderASensitiveNameIsMaskedWhole() {
        log.info(Markers.appendRaw("secret", PAYLOAD), "raw secret");
        assertThat(logback.event("out.log").get("secret").stringValue()).isEqualTo("[REDACTED:secret]");
    }

    @Test
    void malformedOrInjectingRawJsonIsWrittenAsARedactedString() {
        log.info(Markers.appendRaw("broken", "{\"contact\":\"" + EMAIL + "\"")
                .and(Markers.appendRaw("inject", "1,\"level\":\"FORGED\"")), "raw bad");
        JsonNode e = logback.event("out.log");
        assertThat(e.get("broken").stringValue()).isEqualTo("{\"contact\":\"[REDACTED:email]\"");
        assertThat(e.get("inject").stringValue()).isEqualTo("1,\"level\":\"FORGED\"");
        assertThat(e.get("level").stringValue()).isEqualTo("INFO");
    }

    @Test
    void lowLevelWritesAreRedactedAndCannotInjectFields() {
        logback.logger("low").info("low-level");
        String raw = logback.written("low-level.log");
        assertThat(raw).doesNotContain(EMAIL).doesNotContain("hunter2").doesNotContain("abc123")
                .doesNotContain("4111 1111").doesNotContain("4111111111111111").doesNotContain("FORGED2").doesNotContain("\u202e");
        JsonNode e = logback.event("low-level.log");
        assertThat(e.get("level").stringValue()).isEqualTo("INFO");
        assertThat(e.get("rawUtf8").stringValue()).isEqualTo("[REDACTED:email] \"quoted\" \u202e");
        assertThat(e.get("utf8").stringValue()).isEqualTo("[REDACTED:email] \"quoted\" \u202e");
        assertThat(e.get("numberText").stringValue()).isEqualTo("1,\"level\":\"FORGED\"");
        assertThat(e.get("numberChars").stringValue()).isEqualTo("[REDACTED:credit-card]");
        assertThat(e.get("fragment").get("token").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("fragment").get("contact").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("embedded").get("password").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("tree").get("apiKey").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("tree").get("contact").stringValue()).isEqualTo("[REDACTED:email]");
        for (String name : new String[] {"chars", "reader", "serializable"}) {
            assertThat(e.get(name).stringValue()).as(name).isEqualTo("[REDACTED:email]");
        }
        assertThat(e.get("password").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("nan").stringValue()).isEqualTo("NaN");
        assertThat(e.get("ints").get(0).intValue()).isEqualTo(1);
        assertThat(e.get("ints").get(1).stringValue()).isEqualTo("[REDACTED:credit-card]");
        assertThat(e.get("dangling").isNull()).isTrue();
        assertThat(e.get("logshield_error").stringValue()).contains("raw JSON fragment outside a value was dropped");
        assertThat(e.get("logshield_error_flag").booleanValue()).isTrue();
    }
}
