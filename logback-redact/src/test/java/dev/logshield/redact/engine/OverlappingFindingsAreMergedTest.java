package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Overlapping findings are merged so no character between them survives; earlier rules label the merge. */
class OverlappingFindingsAreMergedTest {

    /** Reports fixed spans: a real detector whose findings are known in advance. */
    private record FixedSpans(String name, int[][] spans) implements Detector {
        @Override
        public Triggers triggers() {
            return Triggers.WHOLE_TEXT;
        }

        @Override
        public int validate(CharSequence text, int at, Findings out) {
            for (int[] s : spans) {
                out.add(s[0], s[1]);
            }
            return text.length();
        }
    }

    @Test
    void overlappingSpansFromTwoRulesBecomeOneMask() {
        Redactor r = Redactor.builder()
                .rule(new FixedSpans("first", new int[][] {{2, 6}}), Action.MASK)
                .rule(new FixedSpans("second", new int[][] {{4, 9}}), Action.MASK)
                .build();
        assertThat(r.redact("0123456789")).isEqualTo("01[REDACTED:first]9");
    }

    @Test
    void adjacentSpansStaySeparateAndDropRemoves() {
        Redactor r = Redactor.builder()
                .rule(new FixedSpans("a", new int[][] {{0, 2}}), Action.DROP)
                .rule(new FixedSpans("b", new int[][] {{2, 4}}), Action.MASK)
                .build();
        assertThat(r.redact("abcdef")).isEqualTo("[REDACTED:b]ef");
    }

    @Test
    void manyFindingsAreSortedAndMergedCorrectly() {
        int[][] spans = new int[200][];
        for (int i = 0; i < 200; i++) {
            int start = (199 - i) * 3; // reported in reverse order
            spans[i] = new int[] {start, start + 2};
        }
        Redactor r = Redactor.builder().rule(new FixedSpans("x", spans), Action.DROP).build();
        assertThat(r.redact("ab-".repeat(200))).isEqualTo("-".repeat(200));
    }
}
