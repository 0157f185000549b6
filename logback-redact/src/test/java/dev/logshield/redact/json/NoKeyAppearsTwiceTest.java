package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * No key appears twice in any JSON object, checked on the raw bytes with a streaming parser (a tree parser would
 * silently keep the last duplicate): the first writer keeps the name, a later one gets its source's prefix at the
 * top level or a {@code #2}, {@code #3} suffix, and hostile input with many copies of one key stays fast.
 */
class NoKeyAppearsTwiceTest {

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("NoKeyAppearsTwiceTest", dir);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    @Test
    void theSameNameFromMdcKeyValuesArgumentsAndMarkersIsKeptOncePerWriter() {
        MDC.put("user", "from-mdc");
        logback.logger("x").atInfo().addKeyValue("user", "from-kv")
                .addMarker(Markers.append("user", "from-marker"))
                .addArgument(kv("user", "from-argument"))
                .log("who {}");
        JsonNode e = logback.event("out.log");
        assertThat(e.get("user").stringValue()).isEqualTo("from-mdc");
        assertThat(e.get("arg.user").stringValue()).isEqualTo("from-kv");
        assertThat(e.get("marker.user").stringValue()).isEqualTo("from-marker");
        assertThat(e.get("arg.user#2").stringValue()).isEqualTo("from-argument");
        RedactingJsonEncoder encoder = logback.encoder("JSON");
        assertThat(encoder.getDuplicateFieldRenames()).isEqualTo(3);
    }

    @Test
    void duplicatesInsideRawJsonAndNamesThatRedactAlikeAreNumbered() {
        Map<String, Object> byContact = new LinkedHashMap<>();
        byContact.put("jane.doe@example.com", 1);
        byContact.put("john.roe@example.com", 2);
        logback.logger("x").info(Markers.appendRaw("raw", "{\"a\":1,\"a\":2,\"b\":{\"a\":3,\"a\":4},\"a\":5}"),
                "dups {}", kv("byContact", byContact));
        JsonNode e = logback.event("out.log");
        assertThat(e.get("raw").get("a").intValue()).isEqualTo(1);
        assertThat(e.get("raw").get("a#2").intValue()).isEqualTo(2);
        assertThat(e.get("raw").get("a#3").intValue()).isEqualTo(5);
        assertThat(e.get("raw").get("b").get("a#2").intValue()).isEqualTo(4);
        assertThat(e.get("byContact").get("[REDACTED:email]").intValue()).isEqualTo(1);
        assertThat(e.get("byContact").get("[REDACTED:email]#2").intValue()).isEqualTo(2);
    }

    @Test
    void aStockCompositeWithADuplicatingPatternStaysUnique() {
        MDC.put("level", "mdc-level");
        logback.logger("com.acme.Svc").info("hello");
        JsonNode e = logback.event("composite.log");
        assertThat(e.get("level").stringValue()).isEqualTo("INFO");
        assertThat(e.get("message").stringValue()).isEqualTo("hello");
        assertThat(e.get("level#2").stringValue()).isEqualTo("from-pattern");
        assertThat(e.get("message#2").stringValue()).isEqualTo("com.acme.Svc");
        assertThat(e.get("mdc.level").stringValue()).isEqualTo("mdc-level");
    }

    /**
     * 200,000 copies of one key take a second or two; a renaming that tried {@code k#2}, {@code k#3}... again for
     * each copy would try 2 &times; 10<sup>10</sup> names, many minutes on any machine, so the generous limit (for a
     * busy one) still catches it (measured: still running after 11 minutes). The limit is enforced from a separate
     * thread, so a runaway loop fails at the limit instead of when it ends.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyCopiesOfOneKeyStayUniqueAndFast() {
        StringBuilder raw = new StringBuilder("{");
        int copies = 200_000;
        for (int i = 0; i < copies; i++) {
            raw.append(i == 0 ? "" : ",").append("\"k\":").append(i);
        }
        raw.append('}');
        logback.logger("x").info(Markers.appendRaw("raw", raw.toString()), "many");
        JsonNode r = logback.event("out.log").get("raw");
        assertThat(r.size()).isEqualTo(copies);
        assertThat(r.get("k").intValue()).isZero();
    }
}
