package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects the credential of HTTP {@code Bearer} and {@code Basic} authentication, both in
 * {@code Authorization}/{@code Proxy-Authorization} headers (also written {@code Authorization=...} or as
 * JSON) and in bare form ({@code "sent Bearer abc..."}). Only the credential is reported: the scheme stays
 * visible ({@code Bearer [REDACTED:auth-header]}). Schemes are matched case-insensitively.
 *
 * <p>Validation depends on context. After an authorization header name, any non-empty token68 credential
 * is reported (fail closed). In bare form the credential must look like one, so prose such as
 * "basic setup" or "bearer of bad news" passes untouched:
 * <ul>
 *   <li>Bearer: at least {@value #MIN_BARE_BEARER} token68 characters ({@code [A-Za-z0-9-._~+/]+=*}) with a
 *       digit, or at least {@value #MIN_BARE_LETTERS_ONLY} with both upper- and lower-case letters;</li>
 *   <li>Basic: canonical base64 that decodes to text with a {@code :} and no control characters.</li>
 * </ul>
 * Both must end at a token boundary (end of text, blank, quote or closing punctuation).
 *
 * <p>Selected in the redaction configuration by its {@link #NAME}.
 */
public final class AuthorizationHeaderDetector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder()
            .literals("be", "bE", "Be", "BE", "ba", "bA", "Ba", "BA").build(); // any casing of bearer and basic;

    /** Configuration name and mask label. */
    public static final String NAME = "auth-header";

    static final int MIN_BARE_BEARER = 8;
    static final int MIN_BARE_LETTERS_ONLY = 20;
    private static final int MAX_LOOKBACK_BLANKS = 16;

    public AuthorizationHeaderDetector() {
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
        final int i = at;
        if (AsciiChars.isWordAt(text, i - 1)) {
            return at;
        }
        boolean bearer;
        int schemeEnd;
        if (AsciiChars.startsWithIgnoreCase(text, i, "bearer")) {
            bearer = true;
            schemeEnd = i + 6;
        } else if (AsciiChars.startsWithIgnoreCase(text, i, "basic")) {
            bearer = false;
            schemeEnd = i + 5;
        } else {
            return at;
        }
        int credStart = schemeEnd;
        while (credStart < n && AsciiChars.isBlank(text.charAt(credStart))) {
            credStart++;
        }
        if (credStart == schemeEnd) { // "Bearers", "basically", "Basic:" ...
            return schemeEnd;
        }
        boolean header = followsAuthorizationName(text, i);
        int credEnd = bearer ? bearerEnd(text, credStart, header) : basicEnd(text, credStart, header);
        if (credEnd > credStart) {
            out.add(credStart, credEnd);
            return credEnd;
        }
        return credStart;
    }

    /** Bearer credential end, or -1 when there is none that qualifies. */
    private static int bearerEnd(CharSequence text, int start, boolean header) {
        final int n = text.length();
        int end = start;
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        while (end < n && isToken68(text.charAt(end))) {
            char c = text.charAt(end++);
            digit |= AsciiChars.isDigit(c);
            upper |= AsciiChars.isUpper(c);
            lower |= AsciiChars.isLower(c);
        }
        int bodyEnd = end;
        while (end < n && text.charAt(end) == '=') {
            end++;
        }
        if (end == bodyEnd) {
            while (end > start && text.charAt(end - 1) == '.') { // a sentence's full stop, not the token's
                end--;
            }
            bodyEnd = end;
        }
        int length = bodyEnd - start;
        if (header) {
            return length > 0 ? end : -1;
        }
        boolean looksRandom = digit || (upper && lower && length >= MIN_BARE_LETTERS_ONLY);
        return length >= MIN_BARE_BEARER && looksRandom && isCredentialEnd(text, end) ? end : -1;
    }

    /** Basic credential end, or -1 when there is none that qualifies. */
    private static int basicEnd(CharSequence text, int start, boolean header) {
        if (header) {
            return bearerEnd(text, start, true);
        }
        final int n = text.length();
        int bodyEnd = start;
        while (bodyEnd < n && Base64Bytes.value(text.charAt(bodyEnd), false) >= 0) {
            bodyEnd++;
        }
        int end = bodyEnd;
        while (end < n && end - bodyEnd < 2 && text.charAt(end) == '=') {
            end++;
        }
        if (end > bodyEnd && (end - start) % 4 != 0 || !isCredentialEnd(text, end)) {
            return -1;
        }
        int seen = Base64Bytes.inspect(text, start, bodyEnd, false, (byte) ':');
        return seen == Base64Bytes.HAS_WATCHED ? end : -1;
    }

    /** What may follow a bare credential: nothing, a blank or control, a quote, or closing punctuation. */
    private static boolean isCredentialEnd(CharSequence text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (c == '.') {
            return !AsciiChars.isWordAt(text, end + 1);
        }
        return AsciiChars.isSpaceOrControl(c) || "\"',;)]}>&|".indexOf(c) >= 0;
    }

    private static boolean isToken68(char c) {
        return AsciiChars.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /**
     * True when the scheme at {@code schemeStart} is the value of an {@code Authorization} (or
     * {@code Proxy-Authorization}) field: {@code Authorization: }, {@code authorization=},
     * <code>"Authorization": "</code>.
     */
    private static boolean followsAuthorizationName(CharSequence text, int schemeStart) {
        int k = skipBlanksBack(text, schemeStart - 1);
        if (k >= 0 && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
            k = skipBlanksBack(text, k - 1);
        }
        if (k < 0 || (text.charAt(k) != ':' && text.charAt(k) != '=')) {
            return false;
        }
        k = skipBlanksBack(text, k - 1);
        if (k >= 0 && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
            k--;
        }
        int nameStart = k + 1 - "authorization".length();
        return AsciiChars.startsWithIgnoreCase(text, nameStart, "authorization")
                && (nameStart == 0 || !AsciiChars.isAlnum(text.charAt(nameStart - 1)));
    }

    private static int skipBlanksBack(CharSequence text, int from) {
        int k = from;
        int limit = Math.max(-1, from - MAX_LOOKBACK_BLANKS);
        while (k > limit && AsciiChars.isBlank(text.charAt(k))) {
            k--;
        }
        return k;
    }
}
