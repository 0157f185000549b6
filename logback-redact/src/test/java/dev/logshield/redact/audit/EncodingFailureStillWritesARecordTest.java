package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static dev.logshield.redact.audit.AuditHarness.FIELD_ORDER;
import static net.logstash.logback.argument.StructuredArguments.raw;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When part of an event cannot be read (a {@code toString()} that throws, a raw JSON argument that is not JSON),
 * the encoder still writes the record with what it could read, flagged {@code "encoding_error":true} after the
 * schema fields, and reports it (once per ten seconds) as a status error; it never throws. Cycles end in a
 * depth marker, not a stack overflow.
 */
class EncodingFailureStillWritesARecordTest {

    @TempDir
    Path dir;

    private static final Object EXPLODING = new Object() {
        @Override
        public String toString() {
            throw new IllegalStateException("toString exploded");
        }
    };

    @Test
    void unreadablePartsAreLeftOutAndFlagged() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", "report.export")
                    .addKeyValue("actor", "u-1")
                    .addKeyValue("weird", EXPLODING)
                    .log("exported");
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", "report.import")
                    .addArgument(raw("payload", "{not json"))
                    .log("imported {}");

            List<JsonNode> records = logback.records("audit.jsonl");
            assertThat(records).hasSize(2);
            List<String> flaggedOrder = new ArrayList<>(FIELD_ORDER);
            flaggedOrder.add("encoding_error");
            assertThat(records).allSatisfy(r -> {
                assertThat(AuditHarness.names(r)).isEqualTo(flaggedOrder);
                assertThat(r.get("encoding_error").booleanValue()).isTrue();
            });
            JsonNode first = records.get(0);
            assertThat(first.get("action").stringValue()).isEqualTo("report.export");
            assertThat(first.get("actor").stringValue()).isEqualTo("u-1");
            assertThat(first.get("details").get("weird").stringValue()).isEqualTo("[unreadable]");
            assertThat(first.get("message").stringValue()).isEqualTo("exported");
            JsonNode second = records.get(1);
            assertThat(second.get("action").stringValue()).isEqualTo("report.import");
            assertThat(second.get("details").has("payload")).isFalse();

            assertThat(logback.statusMessages(Status.ERROR))
                    .filteredOn(m -> m.contains("encoding_error"))
                    .as("reported, at most once per ten seconds")
                    .hasSize(1)
                    .allSatisfy(m -> assertThat(m).contains("toString() of a").contains("toString exploded"));
        }
    }

    @Test
    void cyclesEndInADepthMarker() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT).addKeyValue("loop", loop).log("cycle");

            JsonNode r = logback.onlyRecord("audit.jsonl");
            JsonNode node = r.get("details").get("loop");
            int depth = 1;
            while (node.isObject()) {
                node = node.get("self");
                depth++;
            }
            assertThat(node.stringValue()).isEqualTo("[too deep]");
            assertThat(depth).isEqualTo(AuditValueRedactor.MAX_DEPTH + 1);
            assertThat(r.has("encoding_error")).isFalse();
        }
    }

    @Test
    void lastResortRecordsAreValidAndComplete() {
        List<String> flaggedOrder = new ArrayList<>(FIELD_ORDER);
        flaggedOrder.add("encoding_error");
        JsonMapper json = JsonMapper.builder().build();

        String minimal = new String(AuditRecordWriter.minimal("2026-11-25T10:11:12.123Z"), StandardCharsets.UTF_8);
        assertThat(minimal).endsWith("}\n").containsOnlyOnce("\n");
        JsonNode m = json.readTree(minimal);
        assertThat(AuditHarness.names(m)).isEqualTo(flaggedOrder);
        assertThat(m.get("timestamp").stringValue()).isEqualTo("2026-11-25T10:11:12.123Z");
        assertThat(json.readTree(AuditRecordWriter.minimal("\"},{")).get("timestamp").isNull()).isTrue();

        AuditRecord full = new AuditRecord("2026-11-25T10:11:12.123Z", "a.b", "u", null, null, null, "success",
                Map.of("k", "v"), "msg", false);
        JsonNode stripped = json.readTree(new AuditRecordWriter().write(full.withoutFreeForm()));
        assertThat(AuditHarness.names(stripped)).isEqualTo(flaggedOrder);
        assertThat(stripped.get("action").stringValue()).isEqualTo("a.b");
        assertThat(stripped.get("details").size()).isZero();
        assertThat(stripped.get("message").isNull()).isTrue();
    }
}
