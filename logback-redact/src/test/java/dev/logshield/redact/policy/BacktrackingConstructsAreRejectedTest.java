package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BacktrackingConstructsAreRejectedTest {

    @Test
    void backreferenceIsRejectedAtCompileWithAClearMessage() {
        assertThatThrownBy(() -> CustomPatternDetector.compile(new CustomRule("dup", "(a)\\1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'dup': pattern (a)\\1 is not a valid RE2 (linear-time) regular expression: "
                        + "invalid escape sequence (backreferences such as \\1 need backtracking and are not supported); "
                        + "see https://github.com/google/re2/wiki/Syntax");
    }

    @Test
    void backreferenceInAPolicyIsACompilerError() {
        RedactionPolicy policy = RedactionPolicy.builder().rule(new CustomRule("dup", "([a-z]+) \\1")).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.errors()).singleElement().asString()
                .startsWith("rule 'dup': pattern ([a-z]+) \\1 is not a valid RE2")
                .contains("backreferences");
        assertThat(compiled.redactor().rules()).noneMatch(r -> r.name().equals("dup"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(?=secret)\\w+     | lookahead and lookbehind",
        "\\w+(?!x)          | lookahead and lookbehind",
        "(?<=key=)\\w+      | lookahead and lookbehind",
        "(?<!x)y            | lookahead and lookbehind",
        "(?>a+)b            | atomic groups",
        "a++b               | possessive quantifiers",
        "(?<w>a)\\k<w>      | backreferences",
    })
    void otherBacktrackingConstructsAreRejectedWithAHint(String pattern, String hint) {
        assertThatThrownBy(() -> CustomPatternDetector.compile(new CustomRule("r", pattern.strip())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule 'r': pattern " + pattern.strip() + " is not a valid RE2")
                .hasMessageContaining(hint);
    }
}
