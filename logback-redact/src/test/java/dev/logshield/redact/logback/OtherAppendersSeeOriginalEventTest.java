package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.engine.Rule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redaction never mutates the event: an appender without redaction still sees the original; and appenders
 * configured alike share one engine, which scans each event once.
 */
class OtherAppendersSeeOriginalEventTest {

    @TempDir
    Path dir;

    @Test
    void plainAppenderSeesTheOriginalMessage() {
        try (LogbackHarness logback = LogbackHarness.configure("OtherAppendersSeeOriginalEventTest", dir)) {
            logback.logger("x").info("mail {}", "jane.doe@example.com");
            assertThat(logback.written("a.log")).isEqualTo("mail [REDACTED:email]\n");
            assertThat(logback.written("b.log")).isEqualTo("INFO mail [REDACTED:email]\n");
            assertThat(logback.written("plain.log")).isEqualTo("mail jane.doe@example.com\n");
        }
    }

    @Test
    void appendersWithEqualSettingsShareOneEngineAndScanOncePerEvent() {
        try (LogbackHarness logback = LogbackHarness.configure("OtherAppendersSeeOriginalEventTest", dir)) {
            RedactionEngineRegistry registry = (RedactionEngineRegistry) logback.context.getObject(RedactionEngineRegistry.CONTEXT_KEY);
            assertThat(registry).isNotNull();
            SharedRedactionEngine engine = RedactionEngineRegistry.engineFor(logback.context, new RedactionSettings());
            Redactor redactor = engine.redactor();
            Rule email = redactor.rules().stream().filter(r -> r.name().equals("email")).findFirst().orElseThrow();
            long before = email.hits();
            logback.logger("x").info("mail {}", "jane.doe@example.com");
            // two redacting appenders printed it, the engine redacted it once
            assertThat(email.hits() - before).isEqualTo(1);
            assertThat(logback.written("b.log")).contains("[REDACTED:email]");
        }
    }
}
