package dev.logshield.redact.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every line-forging, cursor-moving or reordering character becomes a visible escape; clean text is untouched. */
class LogInjectionEscaperTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "tab-free: a=b, c=[d]", "emoji \uD83D\uDE00 and accents éàü", "中文日志", ""})
    void cleanTextIsTheSameInstance(String text) {
        assertThat(LogInjectionEscaper.escape(text)).isSameAs(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\b|a\\\\b",
        "a\nb|a\\nb",
        "a\rb|a\\rb",
        "a\tb|a\\tb",
        "a\u001b[31mb|a\\u001b[31mb",
        "a\u0000b|a\\u0000b",
        "a\u007fb|a\\u007fb",
        "a\u0085b|a\\u0085b",
        "a\u009bb|a\\u009bb",
        "a\u2028b\u2029c|a\\u2028b\\u2029c",
        "a\u202ab\u202ec|a\\u202ab\\u202ec",
        "a\u2066b\u2069c|a\\u2066b\\u2069c",
        "a\u200eb\u200fc\u061cd|a\\u200eb\\u200fc\\u061cd",
        "a\ufeffb|a\\ufeffb",
        "lone \ud800 high|lone \\ud800 high",
        "lone \udc00 low|lone \\udc00 low",
        "end high \ud83d|end high \\ud83d",
    })
    void dangerousCharactersAreEscaped(String in, String expected) {
        assertThat(LogInjectionEscaper.escape(in)).isEqualTo(expected);
    }
}
