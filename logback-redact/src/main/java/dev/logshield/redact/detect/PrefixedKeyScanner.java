package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Finds keys of given {@link KeyShape}s: a prefix at a token start (not preceded by {@code [A-Za-z0-9_-]}),
 * then a body of the shape's characters and length, then a token end (not followed by
 * {@code [A-Za-z0-9_-]}). Reports the whole key with the prefix as its known prefix.
 *
 * <p>Linear time: a body is scanned only from a token start and only over word characters and, for a shape with
 * dotted bodies, at most its {@code dots} dots, so each character is scanned at most {@code dots + 1} times per
 * prefix. Allocation-free. Immutable.
 */
final class PrefixedKeyScanner {

    private final KeyShape[] shapes;
    private final Triggers triggers;

    PrefixedKeyScanner(KeyShape... shapes) {
        this.shapes = shapes.clone();
        Triggers.Builder b = Triggers.builder();
        for (KeyShape s : shapes) {
            b.literals(s.prefixes);
        }
        this.triggers = b.build();
    }

    /** Every prefix, longest first within a shape. */
    java.util.List<String> prefixes() {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (KeyShape s : shapes) {
            all.addAll(java.util.List.of(s.prefixes));
        }
        return all;
    }

    /** Every occurrence of a prefix. */
    Triggers triggers() {
        return triggers;
    }

    /** Reports the key starting at {@code at} if there is one; returns its end, or {@code at}. */
    int validate(CharSequence text, int at, Findings out) {
        int end = AsciiChars.isWordAt(text, at - 1) ? -1 : keyAt(text, at, out);
        return Math.max(end, at);
    }

    /** Reports the key starting at {@code start} if there is one; returns its end, or -1. */
    private int keyAt(CharSequence text, int start, Findings out) {
        char first = text.charAt(start);
        for (KeyShape shape : shapes) {
            for (String prefix : shape.prefixes) {
                if (prefix.charAt(0) != first || !AsciiChars.startsWith(text, start, prefix)) {
                    continue;
                }
                int bodyStart = start + prefix.length();
                int end = bodyEnd(text, bodyStart, shape);
                if (end >= 0 && shape.bodyLooksRandom(text, bodyStart, end)) {
                    out.add(start, end, prefix.length());
                    return end;
                }
            }
        }
        return -1;
    }

    /**
     * End of a body of the right characters and length followed by a token end, or -1. In a shape with dotted
     * bodies, the body goes on over the shape's number of dots when each joins two body characters (so a longer
     * dotted chain loses only its tail); otherwise it ends at its first dot, like any other body.
     */
    private static int bodyEnd(CharSequence text, int bodyStart, KeyShape shape) {
        final int limit = Math.min(text.length(), bodyStart + shape.maxBody + 1);
        int end = runEnd(text, bodyStart, limit, shape);
        if (shape.dots > 0) {
            int dotted = dottedEnd(text, end, limit, shape);
            if (dotted > 0) {
                end = dotted;
            }
        }
        int length = end - bodyStart;
        if (length < shape.minBody || length > shape.maxBody || AsciiChars.isWordAt(text, end)) {
            return -1;
        }
        return end;
    }

    private static int runEnd(CharSequence text, int from, int limit, KeyShape shape) {
        int i = from;
        while (i < limit && shape.body.accepts(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of {@code shape.dots} dotted parts from {@code at}, or -1. */
    private static int dottedEnd(CharSequence text, int at, int limit, KeyShape shape) {
        int p = at;
        for (int part = 0; part < shape.dots; part++) {
            if (p + 1 >= limit || text.charAt(p) != '.' || !shape.body.accepts(text.charAt(p + 1))) {
                return -1;
            }
            p = runEnd(text, p + 1, limit, shape);
        }
        return p;
    }
}
