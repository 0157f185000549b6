package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every text of an audit record that is not under a sensitive key (schema fields, details values and keys at any
 * depth, numbers, the message) goes through the default redaction engine, so an audit record cannot leak what an
 * ordinary log line would not.
 */
class SecretsInDetailsAndMessageAreMaskedTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    @TempDir
    Path dir;

    @Test
    void detailsValuesKeysNumbersAndMessageAreRedacted() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", "user.invite")
                    .addKeyValue("actor", "jane.doe@example.com")
                    .addKeyValue("invitee", "contact john.roe@example.com")
                    .addKeyValue("session", Map.of("note", "carried " + JWT))
                    .addKeyValue("card", 4111111111111111L)
                    .addKeyValue("roles", Map.of("jane.doe@example.com", "admin"))
                    .addKeyValue("hosts", List.of("db at 10.1.2.3", "ok"))
                    .addKeyValue("count", 3)
                    .log("invite by jane.doe@example.com from 203.0.113.7 with Authorization: Bearer abcdefghijklmnop1234");

            JsonNode r = logback.onlyRecord("audit.jsonl");
            assertThat(r.get("action").stringValue()).isEqualTo("user.invite");
            assertThat(r.get("actor").stringValue()).isEqualTo("[REDACTED:email]");
            JsonNode d = r.get("details");
            assertThat(d.get("invitee").stringValue()).isEqualTo("contact [REDACTED:email]");
            // "session" is a sensitive key word: its whole subtree is obfuscated
            assertThat(d.get("session").get("note").stringValue()).doesNotContain("eyJ").startsWith("ca********");
            assertThat(d.get("card").stringValue()).isEqualTo("[REDACTED:credit-card]");
            assertThat(AuditHarness.names(d.get("roles"))).containsExactly("[REDACTED:email]");
            assertThat(d.get("hosts").get(0).stringValue()).isEqualTo("db at [REDACTED:ipv4]");
            assertThat(d.get("hosts").get(1).stringValue()).isEqualTo("ok");
            assertThat(d.get("count").intValue()).isEqualTo(3);
            String message = r.get("message").stringValue();
            assertThat(message).startsWith("invite by [REDACTED:email] from [REDACTED:ipv4] with ")
                    .doesNotContain("abcdefghijklmnop1234");
        }
    }

    @Test
    void aJwtInAnOrdinaryDetailIsMasked() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("note", "carried " + JWT)
                    .log("done");
            assertThat(logback.onlyRecord("audit.jsonl").get("details").get("note").stringValue())
                    .isEqualTo("carried [REDACTED:jwt]");
        }
    }
}
