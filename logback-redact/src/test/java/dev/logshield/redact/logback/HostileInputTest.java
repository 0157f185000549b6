package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Hostile or broken input never throws into the application, never hangs it, and is still redacted. That the
 * detectors' work is linear is counted in their own tests; here a generous guard catches a hang end to end: a logging
 * call on these inputs takes well under a second, a quadratic pass over a megabyte (10<sup>12</sup> steps) takes many
 * minutes, so a busy machine cannot fail the guard and a blow-up cannot pass it.
 */
class HostileInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private LogbackHarness logback;
    private Logger log;

    @BeforeEach
    void configure() {
        logback = LogbackHarness.configure("HostileInputTest", dir);
        log = logback.logger("x");
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    @Test
    void nullMessageAndNullArguments() {
        log.info(null);
        log.info("a {} b {}", null, null);
        log.info("{}", (Object[]) null);
        MDC.put("k", null);
        log.atInfo().addKeyValue("k", (Object) null).log("kv");
        assertThat(logback.lines("out.log")).contains("INFO   null", "INFO   a null b null");
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }

    @Test
    void tenMegabyteMessageIsRedactedThroughout() {
        StringBuilder big = new StringBuilder(10_000_000);
        while (big.length() < 10_000_000) {
            big.append("lorem ipsum dolor sit amet ");
        }
        big.append("jane.doe@example.com");
        assertTimeoutPreemptively(HANG_GUARD, () -> log.info(big.toString()));
        String out = logback.written("out.log");
        assertThat(out).endsWith("[REDACTED:email]\n").doesNotContain("jane.doe");
    }

    @Test
    void adversarialRepetitionsFinishAndStayRedacted() {
        String[] inputs = {
            "1".repeat(1_000_000),
            "=".repeat(1_000_000),
            "a@".repeat(500_000),
            "password=".repeat(100_000),
            "1.1.1.1.".repeat(125_000),
            ":".repeat(1_000_000),
        };
        for (String input : inputs) {
            assertTimeoutPreemptively(HANG_GUARD, () -> log.info(input + " 4111111111111111"));
        }
        assertThat(logback.lines("out.log")).hasSize(inputs.length)
                .allSatisfy(l -> assertThat(l).doesNotContain("4111111111111111"));
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }

    @Test
    void loneSurrogatesAndInvalidUtf8ArgumentsAreWrittenSafely() {
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        log.info("bytes {} lone {} mail {}", new String(invalidUtf8, StandardCharsets.UTF_8), "\uDC00x\uD800",
                "jane.doe@example.com");
        String line = logback.lines("out.log").get(0);
        assertThat(line).contains("lone \\udc00x\\ud800 mail [REDACTED:email]").contains("\uFFFD");
    }

    @Test
    void argumentWhoseToStringThrowsDoesNotReachTheApplication() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        log.info("value {}", hostile);
        assertThat(logback.lines("out.log")).singleElement().asString().contains("value ");
    }
}
