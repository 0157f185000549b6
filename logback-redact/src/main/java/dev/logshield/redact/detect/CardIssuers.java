package dev.logshield.redact.detect;

/**
 * Which card number prefixes (issuer identification numbers, IIN) and lengths belong to a payment card
 * network. A Luhn-valid digit run is only reported as a card when a network issues that prefix at that
 * length, which removes most Luhn-valid order numbers and counters (one in ten random numbers pass Luhn).
 *
 * <p>Ranges are the public ones: Visa {@code 4} (13, 16, 19 digits); Mastercard {@code 51-55} and
 * {@code 2221-2720} (16); American Express {@code 34}, {@code 37} (15); Discover {@code 6011},
 * {@code 644-649}, {@code 65}, {@code 622126-622925} (16-19); UnionPay {@code 62} (16-19); JCB
 * {@code 3528-3589} (16-19); Diners Club {@code 300-305}, {@code 3095}, {@code 36}, {@code 38-39} (14-19);
 * Mir {@code 2200-2204} (16-19); Maestro and other debit ranges {@code 50}, {@code 56-69} (13-19); UATP
 * {@code 1} (15), the airline cards whose numbers UATP publishes as a leading 1 and 15 digits.
 */
public final class CardIssuers {

    private CardIssuers() {
    }

    /**
     * The network that issues numbers of {@code length} digits starting with {@code iin} (the first six
     * digits, as a number), or null when none does.
     */
    public static String issuer(int iin, int length) {
        if (iin < 100_000 || iin > 999_999) {
            return null;
        }
        final int p1 = iin / 100_000;
        final int p2 = iin / 10_000;
        final int p3 = iin / 1_000;
        final int p4 = iin / 100;
        if (p1 == 1) {
            return length == 15 ? "uatp" : null;
        }
        if (p1 == 4) {
            return length == 13 || length == 16 || length == 19 ? "visa" : null;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return length == 16 ? "mastercard" : null;
        }
        if (p2 == 34 || p2 == 37) {
            return length == 15 ? "amex" : null;
        }
        if (p4 >= 2200 && p4 <= 2204) {
            return between(length, 16, 19) ? "mir" : null;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return between(length, 16, 19) ? "jcb" : null;
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
            return between(length, 14, 19) ? "diners" : null;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (iin >= 622_126 && iin <= 622_925)) {
            return between(length, 16, 19) ? "discover" : null;
        }
        if (p2 == 62) {
            return between(length, 16, 19) ? "unionpay" : null;
        }
        if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
            return between(length, 13, 19) ? "maestro" : null;
        }
        return null;
    }

    /** True when some network issues numbers of {@code length} digits starting with {@code iin}. */
    public static boolean isKnown(int iin, int length) {
        return issuer(iin, length) != null;
    }

    private static boolean between(int v, int min, int max) {
        return v >= min && v <= max;
    }
}
