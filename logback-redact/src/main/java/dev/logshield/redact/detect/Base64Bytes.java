package dev.logshield.redact.detect;

/**
 * Strict base64 decoding of a range of a text, for the detectors that validate a candidate by what it
 * decodes to (JWT headers, Basic credentials). Only canonical encodings are accepted: a final partial group
 * must have its unused bits zero, so that arbitrary words rarely pass for base64.
 */
final class Base64Bytes {

    private Base64Bytes() {
    }

    /** Value of {@code c} in the standard ({@code +/}) or URL-safe ({@code -_}) alphabet, or -1. */
    static int value(char c, boolean urlSafe) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (urlSafe) {
            return c == '-' ? 62 : c == '_' ? 63 : -1;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** Number of bytes {@code chars} unpadded base64 characters decode to. */
    static int decodedLength(int chars) {
        return chars / 4 * 3 + Math.max(0, chars % 4 - 1);
    }

    /**
     * Decodes the unpadded base64 text {@code text[start, end)} into {@code out} (at least
     * {@link #decodedLength} long). Returns the number of bytes, or -1 when the text is not canonical base64.
     */
    static int decode(CharSequence text, int start, int end, boolean urlSafe, byte[] out) {
        int len = end - start;
        if (len <= 0 || len % 4 == 1 || out.length < decodedLength(len)) {
            return -1;
        }
        int bits = 0;
        int nbits = 0;
        int n = 0;
        for (int i = start; i < end; i++) {
            int v = value(text.charAt(i), urlSafe);
            if (v < 0) {
                return -1;
            }
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 8) {
                nbits -= 8;
                out[n++] = (byte) (bits >> nbits);
                bits &= (1 << nbits) - 1;
            }
        }
        return bits == 0 ? n : -1; // leftover bits of a final partial group must be zero
    }

    /** {@link #inspect} result bit: the decoded bytes contain the watched byte. */
    static final int HAS_WATCHED = 1;
    /** {@link #inspect} result bit: the decoded bytes contain a control byte (C0 or DEL). */
    static final int HAS_CONTROL = 2;

    /**
     * Decodes {@code text[start, end)} without storing the bytes (so that checking prose like "basic setup"
     * allocates nothing, unlike {@link #decode}) and describes them: -1 when the text is not
     * canonical unpadded base64, else a combination of {@link #HAS_WATCHED} and {@link #HAS_CONTROL}.
     */
    static int inspect(CharSequence text, int start, int end, boolean urlSafe, byte watched) {
        int len = end - start;
        if (len <= 0 || len % 4 == 1) {
            return -1;
        }
        int bits = 0;
        int nbits = 0;
        int result = 0;
        for (int i = start; i < end; i++) {
            int v = value(text.charAt(i), urlSafe);
            if (v < 0) {
                return -1;
            }
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 8) {
                nbits -= 8;
                int b = (bits >> nbits) & 0xFF;
                bits &= (1 << nbits) - 1;
                if (b == (watched & 0xFF)) {
                    result |= HAS_WATCHED;
                }
                if (b < 0x20 || b == 0x7F) {
                    result |= HAS_CONTROL;
                }
            }
        }
        return bits == 0 ? result : -1;
    }
}
