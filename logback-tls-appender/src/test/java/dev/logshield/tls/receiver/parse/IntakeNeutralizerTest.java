package dev.logshield.tls.receiver.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A single-line field a client sends keeps no character that could break a line, move the cursor, recolour a
 * terminal or reorder text: every class of them is escaped the way LogShield's text layouts escape, and a clean
 * field is returned as the same instance.
 */
class IntakeNeutralizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.example.Shop", "web-3.example.internal", "CN=web-3,O=Example", "main-1 [pool]",
            "émile 中文 \uD83D\uDE00", "a=b; c:d", ""})
    void aCleanFieldIsTheSameInstance(String field) {
        assertThat(IntakeNeutralizer.singleLine(field)).isSameAs(field);
    }

    @Test
    void nullStaysNull() {
        assertThat(IntakeNeutralizer.singleLine(null)).isNull();
    }

    static Stream<Arguments> everyClass() {
        return Stream.of(
                arguments("line feed", "web\n2030-01-01 ERROR [payments-1]", "web\\n2030-01-01 ERROR [payments-1]"),
                arguments("carriage return", "web\rpayments-1", "web\\rpayments-1"),
                arguments("tab", "a\tb", "a\\tb"),
                arguments("NUL and other C0", "a\u0000b\u0007c\u001fd", "a\\u0000b\\u0007c\\u001fd"),
                arguments("ANSI escape", "a\u001b[31mred\u001b[0m", "a\\u001b[31mred\\u001b[0m"),
                arguments("DEL", "a\u007fb", "a\\u007fb"),
                arguments("C1 and NEL", "a\u0080b\u0085c\u009bd\u009fe", "a\\u0080b\\u0085c\\u009bd\\u009fe"),
                arguments("line and paragraph separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"),
                arguments("bidi embeddings and overrides", "a\u202ab\u202bc\u202cd\u202de\u202ef",
                        "a\\u202ab\\u202bc\\u202cd\\u202de\\u202ef"),
                arguments("bidi isolates", "a\u2066b\u2067c\u2068d\u2069e", "a\\u2066b\\u2067c\\u2068d\\u2069e"),
                arguments("bidi marks", "a\u200eb\u200fc\u061cd", "a\\u200eb\\u200fc\\u061cd"),
                arguments("zero-width space and BOM", "a\u200bb\ufeffc", "a\\u200bb\\ufeffc"),
                arguments("backslash, so escapes stay unambiguous", "typed \\n", "typed \\\\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyClass")
    void everyClassOfActiveCharacterIsEscaped(String what, String field, String expected) {
        assertThat(IntakeNeutralizer.singleLine(field)).isEqualTo(expected);
    }

    @Test
    void twoDifferentFieldsStayDifferent() {
        assertThat(IntakeNeutralizer.singleLine("a\nb")).isNotEqualTo(IntakeNeutralizer.singleLine("a\\nb"));
    }
}
