package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects US Social Security numbers written {@code ddd-dd-dddd} or {@code ddd dd dddd}, and bare
 * nine-digit numbers or dotted ones ({@code ddd.dd.dddd}) that a nearby label names as one
 * ({@code SSN: 123456789}, {@code social_security_number=123.45.6789}). Dots alone do not make a number an
 * SSN: {@code version 123.45.6789} is left alone.
 *
 * <p>Validation follows the SSA's issuing rules: the area (first three digits) is not {@code 000},
 * {@code 666} or {@code 900-999}, the group (middle two) is not {@code 00}, the serial (last four) is not
 * {@code 0000}. A bare nine-digit run counts only when {@code ssn} (ending a word, any case) or
 * {@code social security} (any case, joined by nothing, a space, {@code _} or {@code -}) ends within
 * 30 characters before it; so does a dotted one. The number must stand alone: no letter or digit touches it, and it does not
 * continue a dashed, dotted or slashed digit sequence on either side
 * ({@code 1-123-45-6789}, {@code 123-45-6789-01}), nor, in the space form, a longer run of spaced digits.
 *
 * <p>Linear time, allocation-free. Configured by name:
 * <pre>{@code <detector>ssn: mask</detector>}</pre>
 */
public final class SsnDetector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().digitRuns(9, 11).build();

    public static final String NAME = "ssn";

    /** How far before a bare nine-digit number its label may end. */
    static final int KEYWORD_WINDOW = 30;

    private static final String SSN = "ssn";
    private static final String SOCIAL = "social";
    private static final String SECURITY = "security";
    private static final int LONGEST_KEYWORD = SOCIAL.length() + 1 + SECURITY.length();

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
        int runEnd = at + 1;
        while (runEnd < n && AsciiChars.isDigit(text.charAt(runEnd))) {
            runEnd++;
        }
        int len = runEnd - at;
        if (len == 3) {
            int end = formatted(text, at);
            if (end > 0) {
                out.add(at, end);
            }
        } else if (len == 9 && canStart(text, at, '\0') && canEnd(text, runEnd, '\0')
                && isValid(text, at, at + 3, at + 5) && hasKeywordBefore(text, at)) {
            out.add(at, runEnd);
        }
        return runEnd;
    }

    /**
     * End of a {@code ddd-dd-dddd} / {@code ddd dd dddd} number starting at {@code s}, or of a labelled
     * {@code ddd.dd.dddd} one, or -1.
     */
    private static int formatted(CharSequence text, int s) {
        final char sep = AsciiChars.at(text, s + 3);
        if (sep != '-' && sep != ' ' && sep != '.') {
            return -1;
        }
        if (!AsciiChars.isDigitAt(text, s + 4) || !AsciiChars.isDigitAt(text, s + 5) || AsciiChars.at(text, s + 6) != sep) {
            return -1;
        }
        for (int k = s + 7; k < s + 11; k++) {
            if (!AsciiChars.isDigitAt(text, k)) {
                return -1;
            }
        }
        final int end = s + 11;
        if (AsciiChars.isDigitAt(text, end) || !canStart(text, s, sep) || !canEnd(text, end, sep)) {
            return -1;
        }
        if (!isValid(text, s, s + 4, s + 7)) {
            return -1;
        }
        return sep != '.' || hasKeywordBefore(text, s) ? end : -1;
    }

    private static boolean isValid(CharSequence text, int areaAt, int groupAt, int serialAt) {
        int area = number(text, areaAt, 3);
        int group = number(text, groupAt, 2);
        int serial = number(text, serialAt, 4);
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    private static int number(CharSequence text, int at, int digits) {
        int v = 0;
        for (int k = at; k < at + digits; k++) {
            v = v * 10 + (text.charAt(k) - '0');
        }
        return v;
    }

    /** No token before, and no digit sequence continuing into it ({@code 1-}, {@code 1.}, {@code 1/}). */
    private static boolean canStart(CharSequence text, int s, char sep) {
        if (AsciiChars.isTokenAt(text, s - 1)) {
            return false;
        }
        char prev = AsciiChars.at(text, s - 1);
        boolean joins = prev == '-' || prev == '.' || prev == '/' || (sep == ' ' && prev == ' ');
        return !(joins && AsciiChars.isDigitAt(text, s - 2));
    }

    private static boolean canEnd(CharSequence text, int end, char sep) {
        if (AsciiChars.isTokenAt(text, end)) {
            return false;
        }
        char next = AsciiChars.at(text, end);
        boolean joins = next == '-' || next == '.' || next == '/' || (sep == ' ' && next == ' ');
        return !(joins && AsciiChars.isDigitAt(text, end + 1));
    }

    private static boolean hasKeywordBefore(CharSequence text, int numberStart) {
        int from = Math.max(0, numberStart - KEYWORD_WINDOW - LONGEST_KEYWORD);
        for (int j = from; j < numberStart; j++) {
            if (AsciiChars.lower(text.charAt(j)) != 's') {
                continue;
            }
            int end = keywordEnd(text, j, numberStart);
            if (end > 0 && numberStart - end <= KEYWORD_WINDOW) {
                return true;
            }
        }
        return false;
    }

    /** End of {@code ssn} or {@code social security} at {@code j} (before {@code limit}), or -1. */
    private static int keywordEnd(CharSequence text, int j, int limit) {
        int end = wordEnd(text, j, limit, SSN);
        if (end > 0) {
            return AsciiChars.isLetter(AsciiChars.at(text, end)) ? -1 : end;
        }
        end = wordEnd(text, j, limit, SOCIAL);
        if (end < 0) {
            return -1;
        }
        char joint = AsciiChars.at(text, end);
        if (joint == ' ' || joint == '_' || joint == '-') {
            end++;
        }
        return wordEnd(text, end, limit, SECURITY);
    }

    private static int wordEnd(CharSequence text, int j, int limit, String word) {
        if (j + word.length() > limit) {
            return -1;
        }
        for (int k = 0; k < word.length(); k++) {
            if (AsciiChars.lower(text.charAt(j + k)) != word.charAt(k)) {
                return -1;
            }
        }
        return j + word.length();
    }
}
