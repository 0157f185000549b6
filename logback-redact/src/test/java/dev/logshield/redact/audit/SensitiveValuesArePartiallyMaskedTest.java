package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Values under sensitive keys (token, api key, secret, password..., plus the configured {@code pin, otp}) are
 * rendered with the partial action wherever they are, nested details included: a recognised key keeps its
 * prefix ({@code tok-1234****cdef}), anything else two characters each side, or a mask when short.
 */
class SensitiveValuesArePartiallyMaskedTest {

    private static final String TOKEN = "tok-1234567890abcdef";
    private static final String PARTIAL = "tok-1234****cdef";

    @TempDir
    Path dir;

    @Test
    void tokensKeepOnlyPrefixAndEndsInEverySensitiveField() {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("client_secret", TOKEN);
        credentials.put("user", "svc-deploy");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headers", Map.of("X-Api-Key", TOKEN));
        request.put("path", "/v1/tokens");
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", "token.create")
                    .addKeyValue("token", TOKEN)
                    .addKeyValue("apiKey", TOKEN)
                    .addKeyValue("credentials", credentials)
                    .addKeyValue("request", request)
                    .addKeyValue("refreshToken", List.of(TOKEN, TOKEN))
                    .addKeyValue("password", "correct-horse-battery")
                    .addKeyValue("db_pwd", "hunter2")
                    .addKeyValue("pin", 1234)
                    .addKeyValue("max_tokens", 500)
                    .addArgument(kv("access_key", TOKEN))
                    .log("token created {}");

            JsonNode d = logback.onlyRecord("audit.jsonl").get("details");
            assertThat(d.get("token").stringValue()).isEqualTo(PARTIAL);
            assertThat(d.get("apiKey").stringValue()).isEqualTo(PARTIAL);
            assertThat(d.get("access_key").stringValue()).isEqualTo(PARTIAL);
            // everything under a sensitive key is secret, even what looks harmless
            assertThat(d.get("credentials").get("client_secret").stringValue()).isEqualTo(PARTIAL);
            assertThat(d.get("credentials").get("user").stringValue()).isEqualTo("[REDACTED:secret]");
            assertThat(d.get("request").get("headers").get("X-Api-Key").stringValue()).isEqualTo(PARTIAL);
            assertThat(d.get("request").get("path").stringValue()).isEqualTo("/v1/tokens");
            assertThat(d.get("refreshToken").get(0).stringValue()).isEqualTo(PARTIAL);
            assertThat(d.get("refreshToken").get(1).stringValue()).isEqualTo(PARTIAL);
            assertThat(d.get("password").stringValue()).isEqualTo("co********ry");
            assertThat(d.get("db_pwd").stringValue()).isEqualTo("[REDACTED:secret]");
            assertThat(d.get("pin").stringValue()).as("configured <sensitiveKey>").isEqualTo("[REDACTED:secret]");
            assertThat(d.get("max_tokens").intValue()).as("not a sensitive name").isEqualTo(500);
        }
    }

    @Test
    void aTokenOutsideSensitiveKeysIsMaskedNotPartial() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("note", "issued " + TOKEN)
                    .log("issued " + TOKEN);

            JsonNode r = logback.onlyRecord("audit.jsonl");
            assertThat(r.get("details").get("note").stringValue()).isEqualTo("issued [REDACTED:generic-token]");
            assertThat(r.get("message").stringValue()).isEqualTo("issued [REDACTED:generic-token]");
        }
    }
}
