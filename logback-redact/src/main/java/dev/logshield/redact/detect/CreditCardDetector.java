package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects payment card numbers (PAN): 13 to 19 digits, written in one run ({@code 4111111111111111}) or
 * grouped with single spaces or single dashes ({@code 4111 1111 1111 1111}, {@code 3782-822463-10005}).
 *
 * <p>A candidate is reported only when it passes the Luhn check ({@link LuhnCheck}) and its prefix and
 * length belong to a card network ({@link CardIssuers}). Groups hold three to six digits and one number
 * uses one separator: {@code 4111 1111-1111 1111} is rejected. The number must stand alone: no letter or
 * digit touches it, and it does not continue a dashed or dotted digit sequence ({@code 12-4111...},
 * {@code 4111...-12}, {@code 4111111111111111.50}), so a card-shaped piece of a longer id, hash or decimal
 * is not a card. A space and more digits may follow ({@code 4111 1111 1111 1111 12/27}); when several
 * group boundaries end a valid card, the longest is reported. Card-shaped digits inside a valid IBAN's print form
 * ({@code RS35 2600 0560 1001 6113 79}) are found too, but the IBAN, found from an earlier start, labels the merged
 * span; inside an IBAN-shaped number whose check digits fail, a valid card number is still masked: a typo in the
 * head does not make the digits public.
 *
 * <p>Linear time: candidates start only at the first digit of a run and read at most 19 digits and their
 * separators ahead. Allocation-free. Configured by name:
 * <pre>{@code <detector>credit-card: mask</detector>}</pre>
 */
public final class CreditCardDetector implements Detector {

    public static final String NAME = "credit-card";

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    private static final int MIN_GROUP = 3;
    private static final int MAX_GROUP = 6;

    private static final Triggers TRIGGERS = Triggers.builder().digitRuns(MIN_DIGITS, MAX_DIGITS + 6).build();

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
        if (canStart(text, at)) {
            int end = match(text, at, runEnd);
            if (end > 0) {
                out.add(at, end);
            }
        }
        return runEnd;
    }

    /** End of the longest valid card starting at {@code start}, or -1. */
    private static int match(CharSequence text, int start, int firstRunEnd) {
        final int n = text.length();
        final int firstLen = firstRunEnd - start;
        if (firstLen > MAX_DIGITS) {
            return -1;
        }
        int best = -1;
        if (firstLen >= MIN_DIGITS && canEnd(text, firstRunEnd) && isCard(text, start, firstRunEnd, firstLen)) {
            best = firstRunEnd;
        }
        if (firstLen < MIN_GROUP || firstLen > MAX_GROUP) {
            return best;
        }
        final char sep = AsciiChars.at(text, firstRunEnd);
        if (sep != ' ' && sep != '-') {
            return best;
        }
        int digits = firstLen;
        int p = firstRunEnd;
        while (p < n && text.charAt(p) == sep && digits < MAX_DIGITS) {
            int g = p + 1;
            int q = g;
            while (q < n && AsciiChars.isDigit(text.charAt(q)) && q - g <= MAX_GROUP) {
                q++;
            }
            int len = q - g;
            if (len < MIN_GROUP || len > MAX_GROUP || digits + len > MAX_DIGITS) {
                break;
            }
            digits += len;
            p = q;
            if (digits >= MIN_DIGITS && canEnd(text, q) && isCard(text, start, q, digits)) {
                best = q;
            }
        }
        return best;
    }

    private static boolean isCard(CharSequence text, int start, int end, int digits) {
        int iin = 0;
        int taken = 0;
        for (int i = start; i < end && taken < 6; i++) {
            char c = text.charAt(i);
            if (AsciiChars.isDigit(c)) {
                iin = iin * 10 + (c - '0');
                taken++;
            }
        }
        return CardIssuers.isKnown(iin, digits) && LuhnCheck.isValid(text, start, end);
    }

    private static boolean canStart(CharSequence text, int i) {
        if (AsciiChars.isTokenAt(text, i - 1)) {
            return false;
        }
        char prev = AsciiChars.at(text, i - 1);
        return !((prev == '-' || prev == '.') && AsciiChars.isDigitAt(text, i - 2));
    }

    private static boolean canEnd(CharSequence text, int end) {
        if (AsciiChars.isTokenAt(text, end)) {
            return false;
        }
        char next = AsciiChars.at(text, end);
        return !((next == '-' || next == '.') && AsciiChars.isDigitAt(text, end + 1));
    }
}
