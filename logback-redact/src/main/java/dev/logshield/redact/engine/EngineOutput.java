package dev.logshield.redact.engine;

/**
 * What this engine writes in place of a secret, recognised when text is redacted again (an event that a client
 * redacted and a receiver redacts once more, two sinks in turn), so that redacting twice changes nothing and costs no
 * new text: a finding wholly inside a mask label ({@code [REDACTED:email]}) or a pseudonym
 * ({@code [HASH:email:k1:3f9a0c12d4e5b6a7]}), or that is exactly a partial mask ({@code hu********se},
 * {@code ghp_abcd****wxyz}, {@code ghp_****}), is dropped. {@code password=} followed by a label is not masked into
 * {@code [[REDACTED:secret]]}, a pseudonym is not hashed again, and a {@code github-token} label is not renamed
 * {@code secret}.
 *
 * <p>Nothing made up can shelter a secret: only this engine's own labels count (its rule names, {@code secret},
 * {@code redaction-failed}; {@code [REDACTED:4111111111111111]} is still a card number); a pseudonym needs this
 * engine's key id and sixteen lower-case hex digits with at least one letter (so no card number fits); a partial mask
 * shows at most eight characters of what it hid, after one of the engine's known prefixes.
 */
final class EngineOutput {

    /** The first character of every label and pseudonym. */
    static final char OPEN = '[';
    private static final String MASK = "[REDACTED:";
    private static final String PSEUDONYM = "[HASH:";
    private static final int PSEUDONYM_HEX = 16;

    private final String[] labels;
    /** The hasher's key id; null without a hasher (no pseudonym is then this engine's). */
    private final String keyId;
    private final String[] knownPrefixes;

    EngineOutput(String[] labels, String keyId, String[] knownPrefixes) {
        this.labels = labels.clone();
        this.keyId = keyId;
        this.knownPrefixes = knownPrefixes.clone();
    }

    /**
     * Drops from {@code findings} those that are this engine's output, leaving them sorted. One walk over the findings
     * in order and the labels and pseudonyms in order: linear however many of each there are. Allocates nothing.
     */
    void dropFindingsOf(CharSequence text, Findings findings) {
        findings.sort();
        int tokenStart = -1;
        int tokenEnd = -1;
        int searchFrom = 0;
        int kept = 0;
        for (int i = 0; i < findings.size(); i++) {
            int start = findings.start(i);
            int end = findings.end(i);
            while (tokenEnd <= start && searchFrom >= 0) { // the next token that does not end before this finding
                int at = TextSearch.indexOf(text, '[', searchFrom);
                if (at < 0) {
                    searchFrom = -1;
                    break;
                }
                int close = tokenEnd(text, at);
                if (close > 0) {
                    tokenStart = at;
                    tokenEnd = close + 1;
                    searchFrom = tokenEnd;
                } else {
                    searchFrom = at + 1;
                }
            }
            boolean inside = tokenStart >= 0 && start >= tokenStart && end <= tokenEnd;
            if (!inside && !isPartialMask(text, start, end)) {
                findings.moveTo(i, kept++);
            }
        }
        findings.truncateTo(kept);
    }

    /** True when all of {@code value} is one mask label, pseudonym or partial mask of this engine. */
    boolean isWhole(CharSequence value) {
        int n = value.length();
        return n > 0 && ((value.charAt(0) == '[' && tokenEnd(value, 0) == n - 1) || isPartialMask(value, 0, n));
    }

    /** The index of the {@code ]} closing a mask label or pseudonym of this engine that opens at {@code at}, or -1. */
    int tokenEnd(CharSequence text, int at) {
        if (TextSearch.startsWith(text, MASK, at)) {
            int label = labelEnd(text, at + MASK.length());
            return label < text.length() && label >= 0 && text.charAt(label) == ']' ? label : -1;
        }
        if (keyId == null || !TextSearch.startsWith(text, PSEUDONYM, at)) {
            return -1;
        }
        int label = labelEnd(text, at + PSEUDONYM.length());
        if (label < 0 || label >= text.length() || text.charAt(label) != ':'
                || !TextSearch.startsWith(text, keyId, label + 1)) {
            return -1;
        }
        int hex = label + 1 + keyId.length();
        if (hex >= text.length() || text.charAt(hex) != ':') {
            return -1;
        }
        int close = hex + 1 + PSEUDONYM_HEX;
        return close < text.length() && text.charAt(close) == ']' && isPseudonymHex(text, hex + 1, close) ? close : -1;
    }

    /** The end of one of this engine's labels starting at {@code from}, or -1. */
    private int labelEnd(CharSequence text, int from) {
        for (String label : labels) {
            int end = from + label.length();
            if (end < text.length() && TextSearch.startsWith(text, label, from)
                    && (text.charAt(end) == ']' || text.charAt(end) == ':')) {
                return end;
            }
        }
        return -1;
    }

    private static boolean isPseudonymHex(CharSequence text, int from, int to) {
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(c >= 'a' && c <= 'f')) {
                return false;
            }
            letter |= !digit;
        }
        return letter;
    }

    /** {@code hu********se}, or a known prefix and {@code ****}, or a known prefix, four characters, {@code ****}, four. */
    private boolean isPartialMask(CharSequence text, int start, int end) {
        int length = end - start;
        if (length == 12 && stars(text, start + 2, 8)) { // two characters, eight stars, two characters
            return true;
        }
        for (String prefix : knownPrefixes) {
            int body = start + prefix.length();
            if (!TextSearch.startsWith(text, prefix, start)) {
                continue;
            }
            if ((end - body == 4 && stars(text, body, 4)) || (end - body == 12 && stars(text, body + 4, 4))) {
                return true;
            }
        }
        return false;
    }

    private static boolean stars(CharSequence text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (text.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }


}
