package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmptyMatchingPatternsAreRejectedTest {

    @ParameterizedTest
    @ValueSource(strings = {"a*", "x?", "(|ORD)", "^", "$", "\\b", "\\B", "(?m)^", "[0-9]{0,4}", "(?:)"})
    void patternThatCanMatchNothingIsRejected(String pattern) {
        assertThatThrownBy(() -> CustomPatternDetector.compile(new CustomRule("r", pattern)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'r': pattern " + pattern + " can match the empty string, so it would match "
                        + "everywhere; make it require at least one character (e.g. '+' instead of '*')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "ORD-[0-9]{8}", "\\bkey\\b", "(?m)^secret=\\S+", "x?y"})
    void patternThatAlwaysConsumesIsAccepted(String pattern) {
        assertThat(CustomPatternDetector.compile(new CustomRule("r", pattern)).name()).isEqualTo("r");
    }
}
