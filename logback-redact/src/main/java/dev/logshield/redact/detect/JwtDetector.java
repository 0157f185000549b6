package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects JSON Web Tokens in compact serialisation: {@code header.payload.signature}, three base64url
 * segments separated by dots. A candidate is validated by decoding the header, which must be a JSON object
 * with an {@code "alg"} key, and the first bytes of the payload, which must open a JSON object: <code>{</code>,
 * possibly after blanks, then a key's quote or the closing brace. So a payload need not start with
 * {@code eyJ} (the encoding of <code>{"</code>): <code>{ "sub"</code> encodes to {@code eyAi}. Candidates are
 * the dots: the segment before one is a header when it starts with {@code ey} or {@code ew}. The whole token is
 * reported.
 *
 * <p>Unsigned tokens ({@code "alg":"none"}) have an empty signature and end with the second dot; they are
 * reported too, since their claims are as sensitive as a signed token's. Tokens must stand alone: a
 * header preceded by a word character or a dot, or a signature followed by one more segment (as in a
 * five-part JWE), is not a JWT. Headers longer than {@value #MAX_HEADER_CHARS} characters are not decoded.
 *
 * <p>Selected in the redaction configuration by its {@link #NAME}.
 */
public final class JwtDetector implements Detector {

    /**
     * Every dot: the header before it is read back. A JOSE header is a JSON object: <code>{"</code> and <code>{ </code>
     * encode to {@code ey}, <code>{</code> and a line break or tab to {@code ew}.
     */
    private static final Triggers TRIGGERS = Triggers.builder().chars(".").build();

    /** Configuration name and mask label. */
    public static final String NAME = "jwt";

    static final int MAX_HEADER_CHARS = 16 * 1024;
    /** <code>{"alg":}</code>, the shortest header that can pass validation, encodes to 11 characters. */
    private static final int MIN_HEADER_CHARS = 11;
    /** How much of a payload is decoded to see it open a JSON object: room for a few leading blanks. */
    private static final int MAX_PAYLOAD_PEEK = 32;

    public JwtDetector() {
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
        int start = at; // the header ends at the first dot: read it back
        final int floor = Math.max(0, at - MAX_HEADER_CHARS);
        while (start > floor && Base64Bytes.value(text.charAt(start - 1), true) >= 0) {
            start--;
        }
        char first = AsciiChars.at(text, start);
        char second = AsciiChars.at(text, start + 1);
        if (first == 'e' && (second == 'y' || second == 'w') && at - start >= MIN_HEADER_CHARS
                && isStartBoundary(text, start)) {
            return tryToken(text, start, out);
        }
        return at;
    }

    private static boolean isStartBoundary(CharSequence text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !AsciiChars.isWord(before) && before != '.';
    }

    /**
     * Tries a token at {@code start}; reports it when valid. Returns where scanning resumes: past every
     * character examined, all of which are base64url characters or dots and so cannot start another token.
     */
    private static int tryToken(CharSequence text, int start, Findings out) {
        final int n = text.length();
        int headerEnd = segmentEnd(text, start);
        if (headerEnd >= n || text.charAt(headerEnd) != '.') {
            return headerEnd;
        }
        int payloadStart = headerEnd + 1;
        int payloadEnd = segmentEnd(text, payloadStart);
        if (payloadEnd >= n || text.charAt(payloadEnd) != '.') {
            return payloadEnd;
        }
        int signatureStart = payloadEnd + 1;
        int signatureEnd = segmentEnd(text, signatureStart);
        int resume = Math.max(signatureEnd, signatureStart);
        if (!payloadOpensJsonObject(text, payloadStart, payloadEnd)
                || !plausibleLength(payloadEnd - payloadStart)
                || !plausibleLength(signatureEnd - signatureStart)
                || !isEndBoundary(text, signatureEnd)) {
            return resume;
        }
        if (headerIsJsonWithAlg(text, start, headerEnd)) {
            out.add(start, signatureEnd);
        }
        return resume;
    }

    private static int segmentEnd(CharSequence text, int from) {
        int i = from;
        final int n = text.length();
        while (i < n && Base64Bytes.value(text.charAt(i), true) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean plausibleLength(int chars) {
        return chars % 4 != 1;
    }

    /** After the signature: not a further segment, as in a five-part JWE or a longer dotted chain. */
    private static boolean isEndBoundary(CharSequence text, int end) {
        return end >= text.length() || text.charAt(end) != '.' || !AsciiChars.isWordAt(text, end + 1);
    }

    /**
     * True when the base64url segment {@code text[start, end)} decodes to bytes that open a JSON object: blanks,
     * <code>{</code>, blanks, then <code>"</code> or <code>}</code>. Decodes at most the first
     * {@value #MAX_PAYLOAD_PEEK} characters, without allocating.
     */
    static boolean payloadOpensJsonObject(CharSequence text, int start, int end) {
        final int limit = Math.min(end, start + MAX_PAYLOAD_PEEK);
        boolean opened = false;
        int bits = 0;
        int nbits = 0;
        for (int i = start; i < limit; i++) {
            int v = Base64Bytes.value(text.charAt(i), true);
            if (v < 0) {
                return false;
            }
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits < 8) {
                continue;
            }
            nbits -= 8;
            byte b = (byte) (bits >> nbits);
            bits &= (1 << nbits) - 1;
            if (isJsonBlank(b)) {
                continue;
            }
            if (opened) {
                return b == '"' || b == '}';
            }
            if (b != '{') {
                return false;
            }
            opened = true;
        }
        return false;
    }

    /**
     * Decodes the header and checks it is a JSON object (first non-blank byte <code>{</code>, last
     * <code>}</code>, no control bytes) holding the key {@code "alg"}. Allocates only for a candidate that has
     * already passed every structural check.
     */
    static boolean headerIsJsonWithAlg(CharSequence text, int start, int end) {
        int chars = end - start;
        if (chars < MIN_HEADER_CHARS || chars > MAX_HEADER_CHARS) {
            return false;
        }
        byte[] json = new byte[Base64Bytes.decodedLength(chars)];
        int len = Base64Bytes.decode(text, start, end, true, json);
        if (len < 0) {
            return false;
        }
        int first = 0;
        int last = len - 1;
        while (first <= last && isJsonBlank(json[first])) {
            first++;
        }
        while (last >= first && isJsonBlank(json[last])) {
            last--;
        }
        if (first >= last || json[first] != '{' || json[last] != '}') {
            return false;
        }
        boolean alg = false;
        for (int i = first; i <= last; i++) {
            byte b = json[i];
            if ((b >= 0 && b < 0x20 && !isJsonBlank(b)) || b == 0x7f) {
                return false;
            }
            if (!alg && b == '"' && isAlgKey(json, i, last)) {
                alg = true;
            }
        }
        return alg;
    }

    /** {@code "alg"} at {@code i}, then optional blanks and a colon: the key, not a value. */
    private static boolean isAlgKey(byte[] json, int i, int last) {
        if (i + 4 > last || json[i + 1] != 'a' || json[i + 2] != 'l' || json[i + 3] != 'g' || json[i + 4] != '"') {
            return false;
        }
        int k = i + 5;
        while (k <= last && isJsonBlank(json[k])) {
            k++;
        }
        return k <= last && json[k] == ':';
    }

    private static boolean isJsonBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
