package dev.logshield.redact.detect;

/**
 * The IBAN check (ISO 13616 with ISO 7064 MOD 97-10): move the first four characters to the end, read
 * letters as numbers ({@code A} = 10 ... {@code Z} = 35), and the resulting number mod 97 must be 1. The
 * remainder is carried digit by digit in an {@code int}, so there is no {@code BigInteger} and no
 * allocation. The check digits must also lie in {@code 02-98}, the only values the standard computes.
 */
public final class IbanChecksum {

    private IbanChecksum() {
    }

    /** True when {@code iban} (electronic or print form, upper case) passes the IBAN check. */
    public static boolean isValid(CharSequence iban) {
        return iban != null && isValid(iban, 0, iban.length());
    }

    /**
     * True when {@code text[start, end)} is two upper-case letters, check digits {@code 02-98} and an
     * upper-case alphanumeric BBAN whose whole passes MOD 97-10. Spaces are skipped; any other character, a
     * total under five characters or a range outside the text gives false.
     */
    public static boolean isValid(CharSequence text, int start, int end) {
        return isValid(text, start, end, ' ');
    }

    /**
     * Like {@link #isValid(CharSequence, int, int)}, with {@code separator} as the grouping character that is
     * skipped: {@code ' '} for the print form, {@code '-'} for IBANs written {@code DE89-3704-0044-...}.
     */
    public static boolean isValid(CharSequence text, int start, int end, char separator) {
        if (text == null || start < 0 || end > text.length() || end - start < 5) {
            return false;
        }
        if (!AsciiChars.isUpper(text.charAt(start)) || !AsciiChars.isUpper(text.charAt(start + 1))
                || !AsciiChars.isDigit(text.charAt(start + 2)) || !AsciiChars.isDigit(text.charAt(start + 3))) {
            return false;
        }
        int check = (text.charAt(start + 2) - '0') * 10 + (text.charAt(start + 3) - '0');
        if (check < 2 || check > 98) {
            return false;
        }
        int r = remainder(text, start + 4, end, separator, 0);
        if (r < 0) {
            return false;
        }
        r = remainder(text, start, start + 4, separator, r);
        return r == 1;
    }

    /** Continues the mod-97 remainder {@code r} over {@code text[from, to)}; -1 on a bad character. */
    private static int remainder(CharSequence text, int from, int to, char separator, int r) {
        int chars = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (AsciiChars.isDigit(c)) {
                r = (r * 10 + (c - '0')) % 97;
            } else if (AsciiChars.isUpper(c)) {
                r = (r * 100 + (c - 'A' + 10)) % 97;
            } else if (c == separator) {
                continue;
            } else {
                return -1;
            }
            chars++;
        }
        return chars == 0 ? -1 : r;
    }
}
