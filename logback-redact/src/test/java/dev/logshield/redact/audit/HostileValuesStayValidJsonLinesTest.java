package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Control characters, quotes, line breaks, lone UTF-16 surrogates and a 1 MB value, in any field, key or the
 * message, always give one strict UTF-8 JSON object per line; control characters survive escaped, lone
 * surrogates become U+FFFD, well-formed pairs are kept.
 */
class HostileValuesStayValidJsonLinesTest {

    private static final String CONTROL = "a\u0000b\u0001c\nd\re\tf\u001b[31mg\u007fh\u2028i\"j\\k";
    private static final String LONE = "x\uD800y\uDC00z\uD83D";
    private static final String EMOJI = "ok \uD83D\uDE00";

    @TempDir
    Path dir;

    @Test
    void hostileValuesGiveValidLines() {
        String big = "word ".repeat(200_000) + "end"; // ~1 MB
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", CONTROL)
                    .addKeyValue("actor", LONE)
                    .addKeyValue("ctl", CONTROL)
                    .addKeyValue("lone", LONE)
                    .addKeyValue("emoji", EMOJI)
                    .addKeyValue("key\n\"\uD800", "v")
                    .log("message " + CONTROL + LONE);
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("big", big)
                    .log(big);
            logback.logger("audit").info(AUDIT, "kv {}", kv("lone", LONE), kv("ctl", CONTROL));
            logback.logger("audit").info(AUDIT, "line one\nline two\r\n{\"forged\":true}");

            List<JsonNode> records = logback.records("audit.jsonl");
            assertThat(records).hasSize(4);

            JsonNode first = records.get(0);
            assertThat(first.get("action").stringValue()).isEqualTo(CONTROL);
            assertThat(first.get("actor").stringValue()).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
            assertThat(first.get("details").get("ctl").stringValue()).isEqualTo(CONTROL);
            assertThat(first.get("details").get("lone").stringValue()).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
            assertThat(first.get("details").get("emoji").stringValue()).isEqualTo(EMOJI);
            assertThat(first.get("details").get("key\n\"\uFFFD").stringValue()).isEqualTo("v");
            assertThat(first.get("message").stringValue()).isEqualTo("message " + CONTROL + "x\uFFFDy\uFFFDz\uFFFD");

            JsonNode second = records.get(1);
            assertThat(second.get("details").get("big").stringValue()).isEqualTo(big);
            assertThat(second.get("message").stringValue()).isEqualTo(big);

            JsonNode third = records.get(2);
            assertThat(third.get("details").get("lone").stringValue()).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
            assertThat(third.get("details").get("ctl").stringValue()).isEqualTo(CONTROL);

            assertThat(records.get(3).get("message").stringValue()).isEqualTo("line one\nline two\r\n{\"forged\":true}");
            assertThat(records).allSatisfy(r -> assertThat(r.has("forged")).isFalse());
        }
    }
}
