package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;

/**
 * A value under a sensitive name (built-in words and the policy's own) is replaced by one mask string whatever
 * its type and wherever it sits: strings, numbers, booleans, objects, arrays and POJOs, at any depth. A POJO
 * under a sensitive name is never serialised at all.
 */
class SensitiveNamesMaskValuesOfAnyTypeTest {

    private static final String MASK = "[REDACTED:secret]";

    @TempDir
    Path dir;
    private JsonLogback logback;
    private Logger log;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("SensitiveNamesMaskValuesOfAnyTypeTest", dir);
        log = logback.logger("x");
    }

    @AfterEach
    void stop() {
        logback.close();
    }

    @Test
    void scalarsOfEveryTypeAreMasked() {
        log.info(Markers.append("password", 12345)
                .and(Markers.append("token", true))
                .and(Markers.append("apiKey", 3.25))
                .and(Markers.append("clientSecret", new BigDecimal("123456789.01")))
                .and(Markers.append("pin", 1234))
                .and(Markers.append("sessionId", 99L))
                .and(Markers.append("count", 3)), "scalars");
        JsonNode e = logback.event("out.log");
        for (String name : List.of("password", "token", "apiKey", "clientSecret", "pin", "sessionId")) {
            assertThat(e.get(name).stringValue()).as(name).isEqualTo(MASK);
        }
        assertThat(e.get("count").intValue()).isEqualTo(3);
        assertThat(withoutTimestampAndDir(logback.written("out.log"))).doesNotContain("12345").doesNotContain("3.25").doesNotContain("1234,");
    }

    @Test
    void objectsAndArraysAreReplacedByOneMask() {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("user", "bob");
        credentials.put("password", "hunter2");
        log.info("structures {} {} {}", kv("credentials", credentials), kv("cookies", List.of("a=1", "b=2")),
                kv("authorization", new int[] {1, 2, 3}));
        JsonNode e = logback.event("out.log");
        assertThat(e.get("credentials").stringValue()).isEqualTo(MASK);
        assertThat(e.get("cookies").stringValue()).isEqualTo(MASK);
        assertThat(e.get("authorization").stringValue()).isEqualTo(MASK);
        assertThat(logback.written("out.log")).doesNotContain("hunter2").doesNotContain("b=2");
    }

    @Test
    void sensitiveNamesAreFoundAtAnyDepth() {
        Map<String, Object> level4 = new LinkedHashMap<>();
        level4.put("api_key", List.of(Map.of("k", "v")));
        level4.put("visible", "yes");
        Map<String, Object> nested = Map.of("a", Map.of("b", List.of(Map.of("c", level4, "secretCount", 7))));
        log.info("deep {}", kv("config", nested));
        JsonNode c = logback.event("out.log").get("config").get("a").get("b").get(0);
        assertThat(c.get("secretCount").stringValue()).isEqualTo(MASK);
        assertThat(c.get("c").get("api_key").stringValue()).isEqualTo(MASK);
        assertThat(c.get("c").get("visible").stringValue()).isEqualTo("yes");
    }

    @Test
    void aPojoUnderASensitiveNameIsNeverSerialised() {
        log.info("pojo {}", kv("session", new ExplodingPojo()));
        JsonNode e = logback.event("out.log");
        assertThat(e.get("session").stringValue()).isEqualTo(MASK);
        assertThat(e.has("logshield_error")).as("no getter ran, nothing failed").isFalse();
    }

    @Test
    void nullStaysNullAndNamesOutsideTheListAreLeftAlone() {
        log.info(Markers.append("password", null).and(Markers.append("max_tokens", 2048))
                .and(Markers.append("author", "Ada")), "null");
        JsonNode e = logback.event("out.log");
        assertThat(e.get("password").isNull()).isTrue();
        assertThat(e.get("max_tokens").intValue()).isEqualTo(2048);
        assertThat(e.get("author").stringValue()).isEqualTo("Ada");
    }

    @Test
    void valuesAfterAMaskedStructureAreWrittenNormally() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("secret", Map.of("deep", Arrays.asList(1, Map.of("x", List.of(2, 3)))));
        m.put("after", "kept");
        m.put("list", List.of(4, 5));
        log.info("after {}", kv("data", m));
        JsonNode d = logback.event("out.log").get("data");
        assertThat(d.get("secret").stringValue()).isEqualTo(MASK);
        assertThat(d.get("after").stringValue()).isEqualTo("kept");
        assertThat(d.get("list").get(1).intValue()).isEqualTo(5);
    }

    /** The event without the fields whose digits are random (timestamp, temp directory), for raw digit checks. */
    private static String withoutTimestampAndDir(String raw) {
        return raw.replaceAll("\"@timestamp\":\"[^\"]*\"", "").replaceAll("\"dir\":\"[^\"]*\"", "");
    }
}
