package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * An audit event written with the SLF4J 2 fluent API fills every schema field, whatever spelling the keys use;
 * unknown keys land in {@code details}; the MDC supplies {@code actor} and {@code request_id} when the event
 * does not.
 */
class FluentAuditEventHasEveryFieldTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldComesFromKeyValuePairs() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            Instant before = Instant.now();
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", "token.create")
                    .addKeyValue("actor", "u-42")
                    .addKeyValue("projectId", "p-7")
                    .addKeyValue("request-id", "r-9")
                    .addKeyValue("CLIENT_IP", "203.0.113.7")
                    .addKeyValue("result", "ok")
                    .addKeyValue("scope", "read:logs")
                    .addKeyValue("ttl_days", 30)
                    .addKeyValue("details", Map.of("origin", "cli"))
                    .log("token created");
            Instant after = Instant.now();

            JsonNode r = logback.onlyRecord("audit.jsonl");
            assertThat(r.get("schema").stringValue()).isEqualTo("logshield.audit/1");
            assertThat(r.get("timestamp").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(r.get("timestamp").stringValue()))
                    .isBetween(before.minusMillis(1), after);
            assertThat(r.get("action").stringValue()).isEqualTo("token.create");
            assertThat(r.get("actor").stringValue()).isEqualTo("u-42");
            assertThat(r.get("project_id").stringValue()).isEqualTo("p-7");
            assertThat(r.get("request_id").stringValue()).isEqualTo("r-9");
            assertThat(r.get("client_ip").stringValue()).isEqualTo("203.0.113.0/24");
            assertThat(r.get("result").stringValue()).isEqualTo("success");
            assertThat(r.get("details").get("scope").stringValue()).isEqualTo("read:logs");
            assertThat(r.get("details").get("ttl_days").isNumber()).isTrue();
            assertThat(r.get("details").get("ttl_days").intValue()).isEqualTo(30);
            assertThat(r.get("details").get("origin").stringValue()).isEqualTo("cli");
            assertThat(r.get("details").size()).isEqualTo(3);
            assertThat(r.get("message").stringValue()).isEqualTo("token created");
            assertThat(r.has("encoding_error")).isFalse();
        }
    }

    @Test
    void timestampIsUtcWithMilliseconds() {
        assertThat(AuditEventReader.timestamp(0L)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(AuditEventReader.timestamp(1795601472123L)).isEqualTo("2026-11-25T10:11:12.123Z");
    }

    @Test
    void mdcFillsActorAndRequestIdWhenTheEventDoesNot() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            MDC.put("user", "u-mdc");
            MDC.put("requestId", "r-mdc");
            try {
                logback.logger("audit").atInfo().addMarker(AUDIT).addKeyValue("action", "project.delete").log("deleted");
                logback.logger("audit").atInfo().addMarker(AUDIT).addKeyValue("action", "project.delete")
                        .addKeyValue("actor", "u-explicit").addKeyValue("request_id", "r-explicit").log("deleted");
                MDC.put("actor", "u-actor-wins-over-user");
                MDC.put("request_id", "r-snake-wins");
                logback.logger("audit").atInfo().addMarker(AUDIT).addKeyValue("action", "project.delete").log("deleted");
            } finally {
                MDC.clear();
            }
            var records = logback.records("audit.jsonl");
            assertThat(records.get(0).get("actor").stringValue()).isEqualTo("u-mdc");
            assertThat(records.get(0).get("request_id").stringValue()).isEqualTo("r-mdc");
            assertThat(records.get(1).get("actor").stringValue()).isEqualTo("u-explicit");
            assertThat(records.get(1).get("request_id").stringValue()).isEqualTo("r-explicit");
            assertThat(records.get(2).get("actor").stringValue()).isEqualTo("u-actor-wins-over-user");
            assertThat(records.get(2).get("request_id").stringValue()).isEqualTo("r-snake-wins");
            assertThat(records.get(0).get("details").size()).as("MDC entries are not details").isZero();
        }
    }
}
