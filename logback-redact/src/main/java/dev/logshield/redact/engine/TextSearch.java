package dev.logshield.redact.engine;

/**
 * Searches in a {@link CharSequence} that use the JVM's vectorised {@link String} methods when the text is a String
 * (as it nearly always is) and a plain loop otherwise (a counting wrapper in the tests). Allocation-free.
 */
final class TextSearch {

    private TextSearch() {
    }

    /** {@link String#indexOf(int, int)} for any text. */
    static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof String) {
            return ((String) text).indexOf(c, from);
        }
        for (int i = from, n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@link String#startsWith(String, int)} for any text; false for an index outside it. */
    static boolean startsWith(CharSequence text, String literal, int at) {
        if (at < 0 || at + literal.length() > text.length()) {
            return false;
        }
        if (text instanceof String) {
            return ((String) text).startsWith(literal, at);
        }
        for (int i = 0; i < literal.length(); i++) {
            if (text.charAt(at + i) != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
