package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.LinearWork;
import dev.logshield.redact.testing.QuietestRound;
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
    void cleanTextCostsNoAllocation() {
        String text = "GET /api/orders/42 took 17 ms - user-agent curl/8.4.0 - status 200 - region eu-west-1";
        long allocated = QuietestRound.bytes(5, () -> {
            for (int i = 0; i < 10_000; i++) {
                if (redactor.redact(text) != text) {
                    throw new AssertionError("clean text was changed");
                }
            }
        });

        assertThat(allocated).as("bytes allocated by 10,000 redactions of a clean text").isZero();
    }

    @Test
    void ruleWithoutKeywordsScansTheWholeText() {
        Redactor anywhere = Redactor.builder()
                .rule(CustomPatternDetector.compile(new CustomRule("n", "[0-9]{8}")), Action.MASK).build();

        assertThat(anywhere.redact("x".repeat(5000) + "12345678")).endsWith("x[REDACTED:n]");
    }

    /**
     * The keyword scan's work per position is bounded by the limits on keywords, whatever the text: at most
     * {@value KeywordFinder#MAX_KEYWORDS} keywords of {@value KeywordFinder#MAX_KEYWORD_LENGTH} characters, each
     * compared up to its length. 32 keywords that all match 63 characters at every position, then fail, reach that
     * bound; the characters read are counted, so the proof holds on a busy machine: a scan that compared further, or
     * went quadratic, reads more than the bound and more than twice as much for twice the text.
     */
    @Test
    void worstCaseKeywordsOverAdversarialTextStayLinear() {
        List<String> keywords = new ArrayList<>();
        for (int k = 0; k < KeywordFinder.MAX_KEYWORDS; k++) {
            keywords.add("a".repeat(KeywordFinder.MAX_KEYWORD_LENGTH - 1) + (char) ('!' + k));
        }
        CustomPatternDetector worst = CustomPatternDetector.compile(new CustomRule("w", "x+", keywords, Action.MASK, false));
        Redactor r = Redactor.builder().rule(worst, Action.MASK).build();
        String text = "a".repeat(50_000);
        // the text's profile (one read), the first character (one), every keyword compared to its end
        int perChar = 2 + KeywordFinder.MAX_KEYWORDS * KeywordFinder.MAX_KEYWORD_LENGTH;

        LinearWork.Run<CharSequence> run = LinearWork.assertLinear("32 keywords of 64 characters over 'aaa...'", text,
                perChar, r::redact);

        assertThat(run.result()).isSameAs(run.input());
        assertThat(run.reads()).as("every keyword compared at almost every position: the worst case is reached")
                .isGreaterThan((long) (perChar - 2) * (text.length() - KeywordFinder.MAX_KEYWORD_LENGTH));
        assertThat(r.redact(text)).isSameAs(text);
    }
}
