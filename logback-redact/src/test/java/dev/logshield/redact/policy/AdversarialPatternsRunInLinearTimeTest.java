package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.LinearWork;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patterns that make java.util.regex backtrack exponentially (ReDoS) run in one linear pass under RE2J,
 * over 100 KB of adversarial input, and give the same matches java.util.regex gives on inputs small enough
 * for it to finish. Linear is shown by counting the characters read ({@link LinearWork}), not by timing: at most
 * {@value #READS_PER_CHAR} per character, and twice as many for twice the text; a backtracking engine reads the
 * text again for every way of splitting it.
 */
class AdversarialPatternsRunInLinearTimeTest {

    private static final int LENGTH = 100_000;
    private static final String UNCHANGED = "(unchanged)";
    /** The custom rule's work budget, the text's profile, and the rendering of the redacted text. */
    private static final int READS_PER_CHAR = CustomPatternDetector.WORK_FACTOR + 3;

    static Stream<Arguments> catastrophicPatterns() {
        return Stream.of(
                // pattern, result on "a"*100000+"!", tail that makes it match, result on "a"*n+tail
                Arguments.of("(a+)+$", UNCHANGED, "", "[REDACTED:r]"),
                Arguments.of("(a|aa)+$", UNCHANGED, "", "[REDACTED:r]"),
                Arguments.of("(.*a){20}", "[REDACTED:r]!", "!", "[REDACTED:r]!"),
                Arguments.of("([a-z]+)*[0-9]", UNCHANGED, "7", "[REDACTED:r]"));
    }

    @ParameterizedTest
    @MethodSource("catastrophicPatterns")
    void catastrophicPatternCompletesWithCorrectResult(String pattern, String onAttack, String tail, String onMatching) {
        CustomPatternDetector detector = CustomPatternDetector.compile(new CustomRule("r", pattern));
        Redactor redactor = Redactor.builder().rule(detector, Action.MASK).build();

        LinearWork.Run<CharSequence> attack = LinearWork.assertLinear(pattern + " on the attack",
                n -> "a".repeat(n) + "!", LENGTH, READS_PER_CHAR, redactor::redact);
        if (onAttack.equals(UNCHANGED)) {
            assertThat(attack.result()).isSameAs(attack.input());
        } else {
            assertThat(attack.result().toString()).isEqualTo(onAttack);
        }
        LinearWork.Run<CharSequence> match = LinearWork.assertLinear(pattern + " on a matching text",
                n -> "a".repeat(n) + tail, LENGTH, READS_PER_CHAR, redactor::redact);
        assertThat(match.result().toString()).isEqualTo(onMatching);
        assertThat(detector.workLimitHits()).as("answered by matching, not by the work limit").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a|aa)+$", "(.*a){20}", "([a-z]+)*[0-9]", "(a+)+b"})
    void matchesAgreeWithJavaUtilRegexOnSmallInputs(String pattern) {
        Redactor redactor = Redactor.builder()
                .rule(CustomPatternDetector.compile(new CustomRule("r", pattern)), Action.MASK).build();
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile(pattern);
        for (String input : List.of("aaaa!", "aaaa", "aaa1", "xa!ab", "a".repeat(21) + "!", "a".repeat(12) + "b", "b")) {
            assertThat(redactor.redact(input)).as("%s on %s", pattern, input)
                    .isEqualTo(reference.matcher(input).replaceAll("[REDACTED:r]"));
        }
    }
}
