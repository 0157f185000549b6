package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.engine.Rule;
import java.util.ArrayList;
import java.util.List;

/** The spans of a text that a redaction replaces, with their rules: a {@link Redactor.SpanListener} that keeps them. */
final class RedactedSpans implements Redactor.SpanListener {

    private final List<int[]> spans = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    /** Forgets every span, for the next text. */
    void clear() {
        spans.clear();
        rules.clear();
    }

    /**
     * Whether some span is not wholly inside one argument's place (from {@link PlaceholderLayout}): then the secret
     * lies, at least in part, in the template's own text.
     */
    boolean anyOutside(PlaceholderLayout layout) {
        for (int[] s : spans) {
            boolean inside = false;
            for (int a = 0; a < layout.starts.length && !inside; a++) {
                inside = layout.starts[a] >= 0 && s[0] >= layout.starts[a] && s[1] <= layout.ends[a];
            }
            if (!inside) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void replaced(int start, int end, Rule rule) {
        spans.add(new int[] {start, end});
        rules.add(rule);
    }

    /** The index of the first replaced span overlapping {@code [start, end)}, or -1. */
    int overlapping(int start, int end) {
        if (start >= end) {
            return -1;
        }
        for (int i = 0; i < spans.size(); i++) {
            int[] s = spans.get(i);
            if (s[0] < end && s[1] > start) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a replaced span overlapping any occurrence of {@code piece} in {@code text}, or -1. */
    int overlappingAnyOccurrence(String text, String piece) {
        if (piece.isEmpty()) {
            return -1;
        }
        for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
            int span = overlapping(at, at + piece.length());
            if (span >= 0) {
                return span;
            }
        }
        return -1;
    }

    /** The rule span {@code index} was replaced under; null when the redaction failed (the text is one span). */
    Rule rule(int index) {
        return rules.get(index);
    }
}
