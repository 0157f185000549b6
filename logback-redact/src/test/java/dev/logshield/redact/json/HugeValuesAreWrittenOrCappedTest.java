package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * A 10 MB value is written whole and redacted without a cap, and cut to {@code <maxFieldLength>} characters with a
 * {@code …[truncated N chars]} marker with one. Redaction runs before the cut, so a secret straddling the cut
 * cannot leak half-way. Names are capped too.
 */
class HugeValuesAreWrittenOrCappedTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String EMAIL = "jane.doe@example.com";

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("HugeValuesAreWrittenOrCappedTest", dir);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    @Test
    void tenMegabytesAreWrittenWholeOrCapped() {
        String huge = "a".repeat(TEN_MB) + " " + EMAIL;
        MDC.put("big", huge);
        logback.logger("x").info(huge);

        JsonNode whole = logback.event("uncapped.log");
        String expected = "a".repeat(TEN_MB) + " [REDACTED:email]";
        assertThat(whole.get("message").stringValue()).isEqualTo(expected);
        assertThat(whole.get("big").stringValue()).isEqualTo(expected);

        JsonNode capped = logback.event("capped.log");
        String marker = "\u2026[truncated " + (expected.length() - 1000) + " chars]";
        assertThat(capped.get("message").stringValue()).isEqualTo("a".repeat(1000) + marker);
        assertThat(capped.get("big").stringValue()).isEqualTo("a".repeat(1000) + marker);
        assertThat(logback.written("uncapped.log") + logback.written("capped.log")).doesNotContain(EMAIL);
    }

    @Test
    void aSecretAcrossTheCutIsRedactedBeforeTheCut() {
        String text = "a".repeat(990) + " " + EMAIL + " tail";
        logback.logger("x").info(text);
        String message = logback.event("capped.log").get("message").stringValue();
        assertThat(message).startsWith("a".repeat(990) + " [REDACTED").contains("\u2026[truncated ")
                .doesNotContain("jane");
        assertThat(logback.written("capped.log")).doesNotContain("jane");
    }

    @Test
    void namesAreCappedToo() {
        MDC.put("k".repeat(5000), "v");
        logback.logger("x").info("long name");
        JsonNode e = logback.event("capped.log");
        assertThat(e.has("k".repeat(1000) + "\u2026[truncated 4000 chars]")).isTrue();
    }
}
