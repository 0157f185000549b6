package dev.logshield.redact.engine;

/**
 * The labels a mask leaves ({@code [REDACTED:email]}), recognised in text that is redacted again: an event that a
 * client redacted and a receiver redacts once more, or that two sinks with different settings redact in turn. A
 * finding wholly inside such a label is dropped, so that redacting twice changes nothing ({@code password=} followed
 * by a label is not masked into {@code [[REDACTED:secret]]}, and a {@code github-token} label is not renamed
 * {@code secret}). Only this engine's own labels count (its rule names, {@code secret}, {@code redaction-failed}): a
 * made-up label cannot shelter a secret ({@code [REDACTED:4111111111111111]} is still a card number).
 */
final class RedactionLabels {

    private static final String OPEN = "[REDACTED:";

    private final String[] labels;

    RedactionLabels(String[] labels) {
        this.labels = labels.clone();
    }

    /** Drops from {@code findings} those wholly inside one of these labels in {@code text}. Allocates nothing. */
    void dropFindingsInside(CharSequence text, Findings findings) {
        for (int at = indexOf(text, 0); at >= 0 && findings.size() > 0; at = indexOf(text, at + 1)) {
            int close = labelEnd(text, at + OPEN.length());
            if (close > 0) {
                findings.dropInside(at, close + 1);
            }
        }
    }

    /** The index of the {@code ]} closing one of these labels when one starts at {@code from}, or -1. */
    private int labelEnd(CharSequence text, int from) {
        for (String label : labels) {
            int close = from + label.length();
            if (close < text.length() && text.charAt(close) == ']' && regionMatches(text, from, label)) {
                return close;
            }
        }
        return -1;
    }

    private static boolean regionMatches(CharSequence text, int from, String label) {
        for (int i = 0; i < label.length(); i++) {
            if (text.charAt(from + i) != label.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, int from) {
        final int n = text.length() - OPEN.length();
        outer:
        for (int i = from; i <= n; i++) {
            if (text.charAt(i) != '[') {
                continue;
            }
            for (int j = 1; j < OPEN.length(); j++) {
                if (text.charAt(i + j) != OPEN.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
