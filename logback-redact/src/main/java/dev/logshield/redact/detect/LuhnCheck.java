package dev.logshield.redact.detect;

/**
 * The Luhn (mod 10) check digit test used by payment card numbers (ISO/IEC 7812-1). Allocation-free.
 *
 * <p>Digits are read right to left; every second digit is doubled, and a doubled value above nine has
 * nine subtracted. The number is valid when the sum is a multiple of ten. Single spaces and dashes, the
 * usual grouping characters, are skipped; any other character makes the number invalid.
 */
public final class LuhnCheck {

    private LuhnCheck() {
    }

    /** True when {@code number} (digits, optionally grouped with spaces or dashes) passes the Luhn check. */
    public static boolean isValid(CharSequence number) {
        return number != null && isValid(number, 0, number.length());
    }

    /**
     * True when {@code text[start, end)} passes the Luhn check. At least two digits are required; spaces
     * and dashes are skipped; any other character, or a range outside the text, gives false.
     */
    public static boolean isValid(CharSequence text, int start, int end) {
        if (text == null || start < 0 || end > text.length() || start >= end) {
            return false;
        }
        int sum = 0;
        int count = 0;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if ((count & 1) == 1) {
                d += d;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
        }
        return count >= 2 && sum % 10 == 0;
    }
}
