package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.engine.TextProfile;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsLimitMatchingToWindowsTest {

    private final CustomPatternDetector detector = CustomPatternDetector.compile(
            new CustomRule("order-id", "[0-9]{8}", List.of("ORD-"), Action.MASK, false));
    private final Redactor redactor = Redactor.builder().rule(detector, Action.MASK).build();

    @Test
    void withoutAKeywordNothingMatches() {
        String text = "account 12345678 has no keyword";
        assertThat(redactor.redact(text)).isSameAs(text);
    }

    @Test
    void keywordIsFoundCaseInsensitively() {
        assertThat(redactor.redact("ORD-12345678")).isEqualTo("ORD-[REDACTED:order-id]");
        assertThat(redactor.redact("see ord-12345678")).isEqualTo("see ord-[REDACTED:order-id]");
    }

    @Test
    void matchesOnlyWithinTheWindowAroundAKeyword() {
        String near = "ORD- " + "x".repeat(400) + " 12345678";
        String far = "ORD- " + "x".repeat(600) + " 12345678";
        String before = "12345678 " + "x".repeat(600) + " ORD-";

        assertThat(redactor.redact(near)).endsWith(" [REDACTED:order-id]");
        assertThat(redactor.redact(far)).isSameAs(far);
        assertThat(redactor.redact(before)).isSameAs(before);
    }

    @Test
    void overlappingWindowsMergeSoAMatchAcrossTheirBoundaryIsFound() {
        // windows [0, 516) and [306, ...) merge; the number straddles 512
        String text = "ORD- " + "x".repeat(503) + "12345678" + "y".repeat(300) + "ORD-";

        assertThat(redactor.redact(text)).contains("x[REDACTED:order-id]y");
    }

    @Test
    void separateWindowsAreEachSearched() {
        String text = "ORD-11111111 " + "x".repeat(2000) + " ORD-22222222 " + "y".repeat(2000) + " 33333333";

        assertThat(redactor.redact(text)).isEqualTo("ORD-[REDACTED:order-id] " + "x".repeat(2000)
                + " ORD-[REDACTED:order-id] " + "y".repeat(2000) + " 33333333");
    }

    @Test
    void profileSkipsTextsThatLackTheKeywordsPunctuation() {
        assertThat(detector.mayMatch(TextProfile.of("order 12345678"))).isFalse();
        assertThat(detector.mayMatch(TextProfile.of("a-b 12345678"))).isTrue();
        CustomPatternDetector letters = CustomPatternDetector.compile(
                new CustomRule("k", "[0-9]+", List.of("key"), Action.MASK, false));
        assertThat(letters.mayMatch(TextProfile.of("12"))).isTrue(); // letters case-fold: no safe flag to require
    }

    @Test
    void cleanTextCostsNoAllocation() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        String text = "GET /api/orders/42 took 17 ms - user-agent curl/8.4.0 - status 200 - region eu-west-1";
        for (int i = 0; i < 20_000; i++) {
            redactor.redact(text); // warm up
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            if (redactor.redact(text) != text) {
                throw new AssertionError("clean text was changed");
            }
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        assertThat(allocated).as("bytes allocated by 10,000 redactions of a clean text").isLessThan(10_000);
    }

    @Test
    void ruleWithoutKeywordsScansTheWholeText() {
        Redactor anywhere = Redactor.builder()
                .rule(CustomPatternDetector.compile(new CustomRule("n", "[0-9]{8}")), Action.MASK).build();

        assertThat(anywhere.redact("x".repeat(5000) + "12345678")).endsWith("x[REDACTED:n]");
    }

    @Test
    void worstCaseKeywordsOverAdversarialTextStayFast() {
        List<String> keywords = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            keywords.add("a".repeat(63) + (char) ('!' + k)); // every position matches 63 characters, then fails
        }
        CustomPatternDetector worst = CustomPatternDetector.compile(new CustomRule("w", "x+", keywords, Action.MASK, false));
        Redactor r = Redactor.builder().rule(worst, Action.MASK).build();
        String text = "a".repeat(100_000);

        String out = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> r.redact(text));

        assertThat(out).isSameAs(text);
    }
}
