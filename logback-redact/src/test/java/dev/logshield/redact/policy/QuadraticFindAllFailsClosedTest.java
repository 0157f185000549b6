package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.LinearWork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One RE2 search is linear, but finding all matches of {@code a.*b|a} in {@code aaaa...} searches to the end
 * of the text for every {@code a}: quadratic, minutes for 100 KB. The per-text work budget stops it and
 * redacts what was not searched. The characters read are counted ({@link LinearWork}), not timed: within the
 * budget, and twice as many for twice the text.
 */
class QuadraticFindAllFailsClosedTest {

    @Test
    void patternThatWouldTakeMinutesIsStoppedAndTheRestRedacted() {
        CustomPatternDetector detector = CustomPatternDetector.compile(new CustomRule("r", "a.*b|a"));
        Redactor redactor = Redactor.builder().rule(detector, Action.MASK).build();
        String text = "a".repeat(100_000);

        // the budget, the text's profile, the rendering of the redacted text
        LinearWork.Run<CharSequence> run = LinearWork.assertLinear("a.*b|a over 'aaa...'", text,
                CustomPatternDetector.WORK_FACTOR + 3, redactor::redact);

        assertThat(run.result().toString().replace("[REDACTED:r]", "")).as("no character of the text survives")
                .isEmpty();
        assertThat(detector.workLimitHits()).as("on the text and on its first half").isEqualTo(2);
    }

    @Test
    void ordinaryPatternWithManyMatchesStaysWithinBudget() {
        CustomPatternDetector detector = CustomPatternDetector.compile(new CustomRule("n", "[0-9]{4}"));
        Redactor redactor = Redactor.builder().rule(detector, Action.DROP).build();
        String text = "x=1234 ".repeat(20_000);

        assertThat(redactor.redact(text)).isEqualTo("x= ".repeat(20_000));
        assertThat(detector.workLimitHits()).isZero();
    }

    @Test
    void patternWithoutLiteralPrefixOverLongTextStaysWithinBudget() {
        CustomPatternDetector detector = CustomPatternDetector.compile(
                new CustomRule("w", "\\b[a-z]+@[a-z]+\\.(com|org)\\b|\\bkey-[a-z0-9]{6,}"));
        Redactor redactor = Redactor.builder().rule(detector, Action.MASK).build();
        String text = "user bob@example.com said key-abc123 then nothing much; ".repeat(2_000);

        assertThat(redactor.redact(text)).isEqualTo("user [REDACTED:w] said [REDACTED:w] then nothing much; ".repeat(2_000));
        assertThat(detector.workLimitHits()).isZero();
    }

    @Test
    void afterTheBudgetRunsOutLaterKeywordWindowsAreRedactedWhole() {
        CustomPatternDetector detector = CustomPatternDetector.compile(
                new CustomRule("r", "a.*b|a", List.of("k"), Action.MASK, false));
        Redactor redactor = Redactor.builder().rule(detector, Action.MASK).build();
        String text = "k" + "a".repeat(1200) + " " + "x".repeat(2000) + " k" + "a".repeat(400);

        String out = redactor.redact(text);

        assertThat(detector.workLimitHits()).isEqualTo(1);
        assertThat(out).startsWith("k[REDACTED:r]").endsWith("x[REDACTED:r]").doesNotContain(" k");
        assertThat(out).contains("a".repeat(600) + " " + "x".repeat(1400)); // outside every window: untouched
    }
}
