package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects PEM and OpenPGP armoured private keys: a {@code -----BEGIN <label>-----} line whose label ends
 * in {@code PRIVATE KEY} or {@code PRIVATE KEY BLOCK} ({@code RSA}, {@code EC}, {@code DSA},
 * {@code OPENSSH}, {@code ENCRYPTED}, {@code PGP} and plain PKCS#8), through the first
 * {@code -----END <label>-----} that follows. The whole block, markers included, is reported, whether its
 * lines are broken by real or by escaped ({@code \n}) newlines.
 *
 * <p>Fails closed: when no END marker follows within {@value #MAX_BLOCK} characters of the BEGIN marker
 * (a truncated or unterminated key), everything from BEGIN to the end of that window is reported.
 * Certificates, public keys and other PEM blocks are not secrets and are left alone.
 *
 * <p>Selected in the redaction configuration by its {@link #NAME}.
 */
public final class PemPrivateKeyDetector implements Detector {


    /** Configuration name and mask label. */
    public static final String NAME = "private-key";

    /** Longest block scanned for an END marker: 64 KB, far above a 16384-bit RSA key. */
    static final int MAX_BLOCK = 64 * 1024;
    private static final int MAX_LABEL = 64;
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private static final Triggers TRIGGERS = Triggers.builder().literals(BEGIN).build();

    public PemPrivateKeyDetector() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triggers triggers() {
        return TRIGGERS;
    }

    @Override
    public int validate(CharSequence text, int at, Findings out) {
        final int n = text.length();
        int begin = at;
        if (!AsciiChars.startsWith(text, begin, BEGIN)) {
            return at;
        }
        int labelStart = begin + BEGIN.length();
        int labelEnd = labelEnd(text, labelStart, n);
        if (!AsciiChars.startsWith(text, labelEnd, DASHES) || !isPrivateKeyLabel(text, labelStart, labelEnd)) {
            return at;
        }
        int windowEnd = (int) Math.min(n, (long) begin + MAX_BLOCK);
        int end = blockEnd(text, labelEnd + DASHES.length(), windowEnd);
        out.add(begin, end);
        return end;
    }

    /** End of the END marker line, or {@code windowEnd} when there is none (fail closed). */
    private static int blockEnd(CharSequence text, int bodyStart, int windowEnd) {
        int end = indexOf(text, END, bodyStart, windowEnd);
        if (end < 0) {
            return windowEnd;
        }
        int labelEnd = labelEnd(text, end + END.length(), windowEnd);
        return AsciiChars.startsWith(text, labelEnd, DASHES) ? Math.min(labelEnd + DASHES.length(), windowEnd)
                : labelEnd;
    }

    /** End of a run of label characters {@code [A-Z0-9 ]}, at most {@value #MAX_LABEL} long. */
    private static int labelEnd(CharSequence text, int from, int limit) {
        int i = from;
        int max = Math.min(limit, from + MAX_LABEL);
        while (i < max) {
            char c = text.charAt(i);
            if (!AsciiChars.isUpper(c) && !AsciiChars.isDigit(c) && c != ' ') {
                break;
            }
            i++;
        }
        return i;
    }

    /** {@code PRIVATE KEY} or {@code PRIVATE KEY BLOCK}, alone or after a space-separated qualifier. */
    private static boolean isPrivateKeyLabel(CharSequence text, int start, int end) {
        return endsWithLabel(text, start, end, "PRIVATE KEY") || endsWithLabel(text, start, end, "PRIVATE KEY BLOCK");
    }

    private static boolean endsWithLabel(CharSequence text, int start, int end, String label) {
        int at = end - label.length();
        return at >= start && AsciiChars.startsWith(text, at, label) && (at == start || text.charAt(at - 1) == ' ');
    }

    /** First index of {@code literal} in {@code text[from, to)}, or -1. */
    private static int indexOf(CharSequence text, String literal, int from, int to) {
        char first = literal.charAt(0);
        for (int i = from, last = to - literal.length(); i <= last; i++) {
            if (text.charAt(i) == first && AsciiChars.startsWith(text, i, literal)) {
                return i;
            }
        }
        return -1;
    }
}
