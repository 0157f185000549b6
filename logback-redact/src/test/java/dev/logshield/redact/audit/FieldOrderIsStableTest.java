package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static dev.logshield.redact.audit.AuditHarness.FIELD_ORDER;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every record has every schema field, in the same order, whatever order the event gives them in and whether it
 * gives them at all: absent fields are null and {@code details} is an object, possibly empty.
 */
class FieldOrderIsStableTest {

    @TempDir
    Path dir;

    @Test
    void fieldsAreAlwaysPresentInSchemaOrder() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("zeta", 1)
                    .addKeyValue("result", "ok")
                    .addKeyValue("client_ip", "203.0.113.7")
                    .addKeyValue("request_id", "r-1")
                    .addKeyValue("project_id", "p-1")
                    .addKeyValue("actor", "u-1")
                    .addKeyValue("action", "a.b")
                    .log("reversed");
            logback.logger("audit").info(AUDIT, "bare");
            logback.logger("audit").info(AUDIT, "kv {} {}", kv("result", "failed"), kv("action", "c.d"));
            logback.logger("audit").atInfo().addMarker(AUDIT).log();

            List<JsonNode> records = logback.records("audit.jsonl");
            assertThat(records).hasSize(4).allSatisfy(r -> {
                assertThat(AuditHarness.names(r)).isEqualTo(FIELD_ORDER);
                assertThat(r.get("details").isObject()).isTrue();
            });
            JsonNode bare = records.get(1);
            for (String absent : List.of("action", "actor", "project_id", "request_id", "client_ip", "result")) {
                assertThat(bare.get(absent).isNull()).as(absent).isTrue();
            }
            assertThat(bare.get("details").size()).isZero();
            assertThat(bare.get("message").stringValue()).isEqualTo("bare");
            assertThat(records.get(3).get("message").isNull()).as("no message at all").isTrue();
        }
    }
}
