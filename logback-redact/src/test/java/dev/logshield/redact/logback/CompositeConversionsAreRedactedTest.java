package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Conversions nested in composites such as {@code %replace(...)} are redacted too. */
class CompositeConversionsAreRedactedTest {

    @TempDir
    Path dir;

    @Test
    void messageAndMdcInsideReplaceAreRedacted() {
        try (LogbackHarness logback = LogbackHarness.configure("CompositeConversionsAreRedactedTest", dir)) {
            MDC.put("user", "jane.doe@example.com");
            try {
                logback.logger("x").error("order for 5555 5555 5555 4444", new IllegalStateException("card 5555555555554444"));
            } finally {
                MDC.clear();
            }
            String out = logback.written("out.log");
            assertThat(out).startsWith("ORDER for [REDACTED:credit-card]|[REDACTED:email]\n")
                    .contains("IllegalStateException: card [REDACTED:credit-card]")
                    .doesNotContain("5555").doesNotContain("jane.doe");
        }
    }
}
