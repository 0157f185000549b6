package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OversizedPatternsAreRejectedTest {

    @Test
    void hugeRepetitionIsRejectedBeforeItCanSlowEveryLogLine() {
        assertThatThrownBy(() -> CustomPatternDetector.compile(new CustomRule("big", "(a{1000}){1000}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule 'big': pattern compiles to ")
                .hasMessageContaining("more than the 10000 allowed");
    }

    @Test
    void overlongPatternIsRejected() {
        assertThatThrownBy(() -> CustomPatternDetector.compile(new CustomRule("long", "a".repeat(5000))))
                .hasMessage("rule 'long': pattern is 5000 characters long; at most 4096 are allowed");
    }

    @Test
    void keywordLimitsAreEnforced() {
        assertThatThrownBy(() -> CustomPatternDetector.compile(
                new CustomRule("k", "x+", Collections.nCopies(33, "kw"), null, false)))
                .hasMessage("rule 'k' has 33 keywords; at most 32 are allowed");
        assertThatThrownBy(() -> CustomPatternDetector.compile(new CustomRule("k", "x+", List.of(""), null, false)))
                .hasMessage("rule 'k': keywords must be 1 to 64 characters long");
    }
}
