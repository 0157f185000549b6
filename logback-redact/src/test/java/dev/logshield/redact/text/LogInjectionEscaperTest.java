package dev.logshield.redact.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every line-forging, cursor-moving or reordering character becomes a visible escape; clean text is untouched. */
class LogInjectionEscaperTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "tab-free: a=b, c=[d]", "emoji \uD83D\uDE00 and accents éàü", "中文日志", ""})
    void cleanTextIsTheSameInstance(String text) {
        assertThat(LogInjectionEscaper.escape(text)).isSameAs(text);
    }

    static Stream<Arguments> dangerous() {
        return Stream.of(
                arguments("a\\b", "a\\\\b"),
                arguments("a\nb", "a\\nb"),
                arguments("a\rb", "a\\rb"),
                arguments("a\tb", "a\\tb"),
                arguments("a\u001b[31mb", "a\\u001b[31mb"),
                arguments("a\u0000b", "a\\u0000b"),
                arguments("a\u007fb", "a\\u007fb"),
                arguments("a\u0085b", "a\\u0085b"),
                arguments("a\u009bb", "a\\u009bb"),
                arguments("a\u2028b\u2029c", "a\\u2028b\\u2029c"),
                arguments("a\u202ab\u202ec", "a\\u202ab\\u202ec"),
                arguments("a\u2066b\u2069c", "a\\u2066b\\u2069c"),
                arguments("a\u200eb\u200fc\u061cd", "a\\u200eb\\u200fc\\u061cd"),
                arguments("a\ufeffb", "a\\ufeffb"),
                arguments("lone \ud800 high", "lone \\ud800 high"),
                arguments("lone \udc00 low", "lone \\udc00 low"),
                arguments("end high \ud83d", "end high \\ud83d"));
    }

    @ParameterizedTest
    @MethodSource("dangerous")
    void dangerousCharactersAreEscaped(String in, String expected) {
        assertThat(LogInjectionEscaper.escape(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("dangerous")
    void whatEscapeWritesIsInertAndWhatItRewritesIsNotUnlessOnlyABackslash(String in, String expected) {
        assertThat(LogInjectionEscaper.isInert(expected)).as("escaped %s", expected).isTrue();
        assertThat(LogInjectionEscaper.isInert(in)).as("raw %s", in).isEqualTo(in.equals("a\\b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "emoji \uD83D\uDE00", "C:\\temp\\new", ""})
    void cleanTextIsInert(String text) {
        assertThat(LogInjectionEscaper.isInert(text)).isTrue();
    }
}
