package dev.logshield.redact.detect;

/**
 * ASCII character classes and in-place comparisons shared by the scanners. Everything here reads the text
 * with {@code charAt} and allocates nothing, so detectors stay allocation-free on clean text; every method is
 * total: out-of-range indexes read as "no character", lone surrogates are just characters.
 */
final class AsciiChars {

    private AsciiChars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    /** {@code [A-Za-z0-9_-]}: the characters that glue a token together. */
    static boolean isWord(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }

    /** True when {@code text[i]} exists and is a word character. */
    static boolean isWordAt(CharSequence text, int i) {
        return i >= 0 && i < text.length() && isWord(text.charAt(i));
    }

    /** Space or tab: the blanks allowed between the parts of a header or an assignment. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Line breaks and other C0 controls, DEL, plus space. */
    static boolean isSpaceOrControl(char c) {
        return c <= ' ' || c == 127;
    }

    static char lower(char c) {
        return isUpper(c) ? (char) (c + 32) : c;
    }

    /** True when {@code text} holds {@code literal} at {@code at}, case-sensitively. */
    static boolean startsWith(CharSequence text, int at, String literal) {
        int n = literal.length();
        if (at < 0 || at + n > text.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (text.charAt(at + k) != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text} holds {@code lowerLiteral} at {@code at}, ignoring ASCII case. */
    static boolean startsWithIgnoreCase(CharSequence text, int at, String lowerLiteral) {
        int n = lowerLiteral.length();
        if (at < 0 || at + n > text.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (lower(text.charAt(at + k)) != lowerLiteral.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text[start, end)} equals {@code lowerLiteral}, ignoring ASCII case. */
    static boolean equalsIgnoreCase(CharSequence text, int start, int end, String lowerLiteral) {
        return end - start == lowerLiteral.length() && startsWithIgnoreCase(text, start, lowerLiteral);
    }

    /** True when {@code text[start, end)} contains {@code lowerLiteral}, ignoring ASCII case. */
    static boolean containsIgnoreCase(CharSequence text, int start, int end, String lowerLiteral) {
        for (int i = start, last = end - lowerLiteral.length(); i <= last; i++) {
            if (startsWithIgnoreCase(text, i, lowerLiteral)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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
