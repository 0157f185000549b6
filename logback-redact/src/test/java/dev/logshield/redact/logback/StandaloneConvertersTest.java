package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * The converters work in a plain PatternLayout through {@code conversionRule}, with the policy named by the
 * {@code logshield.redaction.policy} property.
 */
class StandaloneConvertersTest {

    @TempDir
    Path dir;

    @Test
    void convertersRedactInsideAnOrdinaryPatternLayoutEncoder() {
        try (LogbackHarness logback = LogbackHarness.configure("StandaloneConvertersTest", dir)) {
            MDC.put("token", "abc-secret-value");
            try {
                logback.logger("x").error("mail jane.doe@example.com\nforged",
                        new IllegalArgumentException("card 5555 5555 5555 4444"));
            } finally {
                MDC.clear();
            }
            String out = logback.written("out.log");
            assertThat(out).startsWith("ERROR [REDACTED:secret] mail ja********om\\nforged\n")
                    .contains("java.lang.IllegalArgumentException: card [REDACTED:credit-card]")
                    .doesNotContain("abc-secret-value").doesNotContain("5555");
        }
    }
}
