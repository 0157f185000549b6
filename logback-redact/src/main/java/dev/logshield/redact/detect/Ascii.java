package dev.logshield.redact.detect;

/**
 * Character classes shared by the detectors. Every method is total: out-of-range indexes read as "no
 * character", lone surrogates are just characters, nothing throws and nothing allocates.
 */
final class Ascii {

    private Ascii() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * A letter or digit of any script. A match must not touch one on either side, or it would be a piece
     * of a longer token (a card number inside a longer id, an address inside a hash).
     */
    static boolean isTokenChar(char c) {
        if (c < 128) {
            return isAlnum(c);
        }
        return !Character.isSurrogate(c) && Character.isLetterOrDigit(c);
    }

    /** True when {@code i} is inside the text and holds a token character. */
    static boolean isTokenAt(CharSequence s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) { // a supplementary letter (e.g. a CJK extension ideograph)
            return Character.isLetterOrDigit(Character.codePointAt(s, i));
        }
        if (Character.isLowSurrogate(c)) {
            return Character.isLetterOrDigit(Character.codePointBefore(s, i + 1));
        }
        return isTokenChar(c);
    }

    static boolean isDigitAt(CharSequence s, int i) {
        return i >= 0 && i < s.length() && isDigit(s.charAt(i));
    }

    /** The character at {@code i}, or NUL outside the text. */
    static char at(CharSequence s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
    }
}
