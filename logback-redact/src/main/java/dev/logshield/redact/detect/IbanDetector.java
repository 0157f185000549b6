package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects International Bank Account Numbers: a two-letter country code, two check digits and the
 * country's BBAN, in electronic form ({@code DE89370400440532013000}) or print form, in groups of four
 * separated by single spaces with a shorter last group ({@code DE89 3704 0044 0532 0130 00}). Applications
 * also group with single dashes ({@code DE89-3704-0044-0532-0130-00}); that form is read like the print form.
 * One IBAN uses one separator: {@code DE89 3704-0044...} is not an IBAN.
 *
 * <p>Letters must be upper case, as both forms prescribe. The length must be the one the country uses
 * ({@link IbanLengths}); for a country the table does not know, any length from 15 to 34. The whole must pass
 * the ISO 7064 MOD 97-10 check ({@link IbanChecksum}), which random alphanumeric ids pass only about once in
 * a hundred times, and which the length rule cuts further. The IBAN must stand alone: no letter or digit
 * touches it.
 *
 * <p>Linear time: candidates start only where two capitals and two digits begin a token and look at most
 * 34 characters (plus separators) ahead. Allocation-free. Configured by name:
 * <pre>{@code <detector>iban: mask</detector>}</pre>
 */
public final class IbanDetector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().capitalsBeforeDigits().build();

    public static final String NAME = "iban";

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
        final int i = at;
        if (i + IbanLengths.MIN > text.length()
                || !AsciiChars.isUpper(text.charAt(i)) || !AsciiChars.isUpper(text.charAt(i + 1))
                || !AsciiChars.isDigit(text.charAt(i + 2)) || !AsciiChars.isDigit(text.charAt(i + 3))
                || AsciiChars.isTokenAt(text, i - 1)) {
            return at;
        }
        int end = AsciiChars.at(text, i + 4) == ' ' ? printFormEnd(text, i) : electronicEnd(text, i);
        if (end > 0) {
            out.add(i, end);
            return end;
        }
        return at;
    }

    private static int electronicEnd(CharSequence text, int s) {
        if (AsciiChars.at(text, s + 4) == '-') {
            return dashedEnd(text, s);
        }
        final int n = text.length();
        int q = s + 4;
        while (q < n && isIbanChar(text.charAt(q)) && q - s <= IbanLengths.MAX) {
            q++;
        }
        if (AsciiChars.isTokenAt(text, q) || !IbanLengths.accepts(text.charAt(s), text.charAt(s + 1), q - s)) {
            return -1;
        }
        return IbanChecksum.isValid(text, s, q) ? q : -1;
    }

    /**
     * End of an IBAN grouped with dashes at {@code s}, or -1 when there is none or it is a piece of a longer
     * dashed id ({@code X1-DE89-3704-...}, {@code ...-0130-00-7}).
     */
    private static int dashedEnd(CharSequence text, int s) {
        if (AsciiChars.at(text, s - 1) == '-' && AsciiChars.isTokenAt(text, s - 2)) {
            return -1;
        }
        int end = printFormEnd(text, s);
        return end > 0 && AsciiChars.at(text, end) == '-' && AsciiChars.isTokenAt(text, end + 1) ? -1 : end;
    }

    /**
     * End of the longest valid grouped IBAN at {@code s} (groups of four, last one shorter, separated by the
     * space or dash at {@code s + 4}), or -1.
     */
    private static int printFormEnd(CharSequence text, int s) {
        final int n = text.length();
        final char c1 = text.charAt(s);
        final char c2 = text.charAt(s + 1);
        final char separator = text.charAt(s + 4);
        int count = 4;
        int p = s + 4;
        int best = -1;
        while (count < IbanLengths.MAX && p < n && text.charAt(p) == separator) {
            final int g = p + 1;
            int q = g;
            while (q < n && isIbanChar(text.charAt(q)) && q - g < 5) {
                q++;
            }
            final int len = q - g;
            if (len == 0 || len > 4 || AsciiChars.isTokenAt(text, q)) {
                break;
            }
            count += len;
            p = q;
            if (IbanLengths.accepts(c1, c2, count) && IbanChecksum.isValid(text, s, q, separator)) {
                best = q;
            }
            if (len < 4) {
                break;
            }
        }
        return best;
    }

    private static boolean isIbanChar(char c) {
        return AsciiChars.isDigit(c) || AsciiChars.isUpper(c);
    }
}
