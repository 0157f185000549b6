package dev.logshield.redact.text;

/**
 * Neutralises log injection in text output: makes every character that could forge a new line, move the
 * cursor, recolour a terminal or reorder text visible instead of active.
 *
 * <p>Backslash is escaped first ({@code \\}) so the output is unambiguous: a literal {@code \n} typed by a
 * user and an escaped line feed can always be told apart. Then CR, LF and TAB become {@code \r}, {@code \n},
 * {@code \t}; every other C0 control, DEL and every C1 control (ESC and so ANSI sequences, NEL U+0085), the
 * line and paragraph separators U+2028/U+2029, the Unicode bidi controls (U+202A-U+202E, U+2066-U+2069,
 * U+200E, U+200F, U+061C), zero-width space and BOM, and lone surrogates become {@code \}{@code uXXXX}.
 * Valid surrogate pairs (emoji, CJK extensions) pass through.
 *
 * <p>Text that needs no escaping is returned as the same instance, without allocating. Stateless.
 *
 * <p>Escaping is not idempotent (the backslashes of an escape are escaped again), so text is escaped once, where
 * it is written: a component that neutralises fields earlier, as LogShield's receiver does at intake, marks its
 * events ({@link dev.logshield.redact.event.NeutralizedAtIntake}) and the text layouts check those fields with
 * {@link #isInert} instead of escaping them a second time.
 */
public final class LogInjectionEscaper {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogInjectionEscaper() {
    }

    /** Returns {@code text} escaped, or the same instance when nothing needed escaping; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        appendEscaped(text, first, out);
        return out.toString();
    }

    /** Appends {@code text} escaped to {@code out}. */
    public static void escapeTo(CharSequence text, StringBuilder out) {
        int first = firstToEscape(text);
        if (first < 0) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        appendEscaped(text, first, out);
    }

    /** Index of the first character that must be escaped, or -1. */
    public static int firstToEscape(CharSequence text) {
        return firstUnsafe(text, true);
    }

    /**
     * Whether {@code text} holds nothing that could break a line, move the cursor, recolour a terminal or reorder
     * text: no character {@link #escape} would rewrite except backslash. The output of {@link #escape} is inert; so
     * is most plain text. Null is inert.
     */
    public static boolean isInert(CharSequence text) {
        return text == null || firstUnsafe(text, false) < 0;
    }

    /** The index of the first character {@link #escape} rewrites (backslash only when asked), or -1. */
    private static int firstUnsafe(CharSequence text, boolean backslash) {
        final int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((char) (c - 0x20) >= 0x5F) { // one comparison for the common case: below 0x20 or from 0x7F up
                if (c < 0x20 || needsEscapeAbove7E(text, i, c)) {
                    return i;
                }
                if (Character.isHighSurrogate(c)) {
                    i++; // skip the valid pair's low half
                }
            } else if (backslash && c == '\\') {
                return i;
            }
        }
        return -1;
    }

    private static void appendEscaped(CharSequence text, int from, StringBuilder out) {
        final int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '\\' && (c < 0x7F || !needsEscapeAbove7E(text, i, c))) {
                out.append(c);
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    out.append(text.charAt(++i)); // the valid pair's low half
                }
                continue;
            }
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
        }
    }

    private static boolean needsEscapeAbove7E(CharSequence text, int i, char c) {
        if (c <= 0x9F) {
            return true; // DEL and C1 controls, NEL included
        }
        if (c < 0x061C) {
            return false;
        }
        switch (c) {
            case '\u061C': case '\u200B': case '\u200E': case '\u200F':
            case '\u2028': case '\u2029':
            case '\u202A': case '\u202B': case '\u202C': case '\u202D': case '\u202E':
            case '\u2066': case '\u2067': case '\u2068': case '\u2069':
            case '\uFEFF':
                return true;
            default:
                break;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return true; // a low half not consumed with its high half is lone
        }
        return false;
    }
}
