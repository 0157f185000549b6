package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * The timestamp, version and level values come from Logback, not from the application, so they are written
 * without running the engine (the costliest text to scan); the same text from the application is redacted,
 * and an application field named like them is still renamed.
 */
class TrustedStandardValuesSkipTheEngineTest {

    @TempDir
    Path dir;

    @Test
    void standardValuesAreWrittenAsIsAndApplicationDataIsStillRedacted() {
        try (JsonLogback logback = JsonLogback.configure("TrustedStandardValuesSkipTheEngineTest", dir)) {
            MDC.put("level", "INFO 2026-01-02");
            try {
                logback.logger("x").info("due on 2026-01-02 at INFO desk");
            } finally {
                MDC.clear();
            }
            JsonNode e = logback.event("out.log");
            assertThat(OffsetDateTime.parse(e.get("@timestamp").stringValue())).isNotNull();
            assertThat(e.get("level").stringValue()).isEqualTo("INFO");
            assertThat(e.get("level_value").intValue()).isEqualTo(20000);
            assertThat(e.get("message").stringValue()).isEqualTo("due on [REDACTED:date] at [REDACTED:loud-level] desk");
            assertThat(e.get("mdc.level").stringValue()).isEqualTo("[REDACTED:loud-level] [REDACTED:date]");
        }
    }
}
