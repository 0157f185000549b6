package dev.logshield.redact.detect;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The public shape of one kind of provider key: literal prefixes, the body's character set and length
 * range, and what the body must contain to look random. Immutable; read by {@link PrefixedKeyScanner}.
 */
final class KeyShape {

    /** Characters a key body may use. Every set is a subset of {@code [A-Za-z0-9_-]}. */
    enum Body {
        /** {@code [A-Z2-7]}, the base32 alphabet of AWS key ids. */
        UPPER_BASE32,
        /** {@code [A-Za-z0-9]}. */
        ALNUM,
        /** {@code [A-Za-z0-9_]}. */
        ALNUM_UNDERSCORE,
        /** {@code [A-Za-z0-9-]}. */
        ALNUM_DASH,
        /** {@code [A-Za-z0-9_-]}. */
        WORD;

        boolean accepts(char c) {
            switch (this) {
                case UPPER_BASE32: return AsciiChars.isUpper(c) || (c >= '2' && c <= '7');
                case ALNUM: return AsciiChars.isAlnum(c);
                case ALNUM_UNDERSCORE: return AsciiChars.isAlnum(c) || c == '_';
                case ALNUM_DASH: return AsciiChars.isAlnum(c) || c == '-';
                default: return AsciiChars.isWord(c);
            }
        }
    }

    /** Body must contain a digit. */
    static final int NEED_DIGIT = 1;
    /** Body must contain a letter. */
    static final int NEED_LETTER = 1 << 1;
    /** Body must contain both an upper-case and a lower-case letter. */
    static final int NEED_MIXED_CASE = 1 << 2;
    /** Body must not contain a run of {@value #WORD_RUN} lower-case letters, i.e. an English-looking word. */
    static final int NO_WORDS = 1 << 3;
    static final int WORD_RUN = 7;
    /**
     * Body must start with a numeric field, digits then a dash then a letter or digit, as Slack tokens start with a
     * version or workspace id ({@code xoxe-1-...}, {@code xoxp-12345-...}).
     */
    static final int NUMBERED_FIELD = 1 << 4;

    final String[] prefixes;
    final Body body;
    final int minBody;
    final int maxBody;
    final int rules;
    /**
     * How many single dots join the parts of a dotted body ({@code a.b.c}: 2); a body spans none or exactly this
     * many, and neither starts nor ends with one.
     */
    final int dots;

    /**
     * @param prefixes literal, case-sensitive prefixes; tried longest first, so that {@code sk-proj-} wins
     *                 over {@code sk-}
     */
    KeyShape(Body body, int minBody, int maxBody, int rules, String... prefixes) {
        this(body, minBody, maxBody, rules, 0, prefixes);
    }

    /** A shape whose body is plain or holds exactly {@code dots} single dots between body characters. */
    KeyShape(Body body, int minBody, int maxBody, int rules, int dots, String... prefixes) {
        if (prefixes.length == 0 || minBody < 1 || maxBody < minBody || dots < 0) {
            throw new IllegalArgumentException("bad key shape");
        }
        this.prefixes = prefixes.clone();
        Arrays.sort(this.prefixes, Comparator.comparingInt(String::length).reversed());
        this.body = body;
        this.minBody = minBody;
        this.maxBody = maxBody;
        this.rules = rules;
        this.dots = dots;
    }

    int shortestKey() {
        return prefixes[prefixes.length - 1].length() + minBody;
    }

    /** True when {@code text[start, end)}, a body of the right characters and length, obeys the rules. */
    boolean bodyLooksRandom(CharSequence text, int start, int end) {
        if (rules == 0) {
            return true;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        int lowerRun = 0;
        int longestLowerRun = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            digit |= AsciiChars.isDigit(c);
            upper |= AsciiChars.isUpper(c);
            if (AsciiChars.isLower(c)) {
                lower = true;
                longestLowerRun = Math.max(longestLowerRun, ++lowerRun);
            } else {
                lowerRun = 0;
            }
        }
        return ((rules & NUMBERED_FIELD) == 0 || startsWithNumberedField(text, start, end))
                && ((rules & NEED_DIGIT) == 0 || digit)
                && ((rules & NEED_LETTER) == 0 || upper || lower)
                && ((rules & NEED_MIXED_CASE) == 0 || (upper && lower))
                && ((rules & NO_WORDS) == 0 || longestLowerRun < WORD_RUN);
    }

    private static boolean startsWithNumberedField(CharSequence text, int start, int end) {
        int i = start;
        while (i < end && AsciiChars.isDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i + 1 < end && text.charAt(i) == '-' && AsciiChars.isAlnum(text.charAt(i + 1));
    }
}
