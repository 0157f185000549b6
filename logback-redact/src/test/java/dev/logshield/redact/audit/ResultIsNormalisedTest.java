package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code result} is always {@code success}, {@code failure}, {@code unknown} or null: usual words and booleans
 * are normalised; anything else is {@code unknown} with the raw value, redacted, in {@code details.result_raw}.
 */
class ResultIsNormalisedTest {

    @TempDir
    Path dir;

    @Test
    void resultsAreNormalised() {
        Object[] given = {"success", "OK", " succeeded ", "Successful", true, "true",
            "failure", "FAILED", "error", "fail", false, "false",
            "partial", 42, "tok-1234567890abcdef", null};
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            for (Object result : given) {
                LoggingEventBuilder e = logback.logger("audit").atInfo().addMarker(AUDIT).addKeyValue("action", "a.b");
                if (result != null) {
                    e.addKeyValue("result", result);
                }
                e.log("done");
            }
            List<JsonNode> records = logback.records("audit.jsonl");
            assertThat(records).extracting(r -> r.get("result").isNull() ? null : r.get("result").stringValue())
                    .containsExactly("success", "success", "success", "success", "success", "success",
                            "failure", "failure", "failure", "failure", "failure", "failure",
                            "unknown", "unknown", "unknown", null);
            assertThat(records.subList(0, 12)).allSatisfy(r -> assertThat(r.get("details").has("result_raw")).isFalse());
            assertThat(records.get(12).get("details").get("result_raw").stringValue()).isEqualTo("partial");
            assertThat(records.get(13).get("details").get("result_raw").stringValue()).isEqualTo("42");
            assertThat(records.get(14).get("details").get("result_raw").stringValue()).isEqualTo("[REDACTED:generic-token]");
            assertThat(records.get(15).get("result").isNull()).isTrue();
            assertThat(records.get(15).get("details").has("result_raw")).isFalse();
        }
    }
}
