package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** mask, partial, hash and drop render exactly as README documents. */
class ActionsRenderAsDocumentedTest {

    private record WholeWord(String name, int knownPrefix) implements Detector {
        @Override
        public Triggers triggers() {
            return Triggers.WHOLE_TEXT;
        }

        @Override
        public int validate(CharSequence text, int at, Findings out) {
            int start = text.toString().indexOf('<') + 1;
            int end = text.toString().indexOf('>');
            out.add(start, end, knownPrefix);
            return text.length();
        }
    }

    private static String apply(Action action, int prefix, String text) {
        return Redactor.builder().rule(new WholeWord("token", prefix), action)
                .hasher(new KeyedHasher(new byte[32], "k1")).build().redact(text);
    }

    @Test
    void partialKeepsKnownPrefixAndFourEachSide() {
        assertThat(apply(Action.PARTIAL, 4, "t=<tok-1234567890abcdef>")).isEqualTo("t=<tok-1234****cdef>");
    }

    @Test
    void partialWithoutPrefixKeepsTwoEachSide() {
        assertThat(apply(Action.PARTIAL, 0, "t=<abcd1234efgh5678>")).isEqualTo("t=<ab********78>");
    }

    @Test
    void partialMasksShortValuesFully() {
        assertThat(apply(Action.PARTIAL, 0, "t=<short>")).isEqualTo("t=<[REDACTED:token]>");
        assertThat(apply(Action.PARTIAL, 4, "t=<tok-1234>")).isEqualTo("t=<tok-****>");
    }

    @Test
    void maskDropAndHash() {
        assertThat(apply(Action.MASK, 0, "<abc>")).isEqualTo("<[REDACTED:token]>");
        assertThat(apply(Action.DROP, 0, "<abc>")).isEqualTo("<>");
        String a = apply(Action.HASH, 0, "<alice>");
        assertThat(a).matches("<\\[HASH:token:k1:[0-9a-f]{16}\\]>");
        assertThat(apply(Action.HASH, 0, "<alice>")).isEqualTo(a);
        assertThat(apply(Action.HASH, 0, "<bob>")).isNotEqualTo(a);
    }

    @Test
    void hashTokensDependOnTheKey() {
        Redactor other = Redactor.builder().rule(new WholeWord("token", 0), Action.HASH)
                .hasher(new KeyedHasher(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "k1")).build();
        assertThat(other.redact("<alice>")).isNotEqualTo(apply(Action.HASH, 0, "<alice>"));
    }
}
