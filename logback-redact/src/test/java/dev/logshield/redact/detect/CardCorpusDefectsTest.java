package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cards a held-out corpus showed missed: UATP airline cards, which UATP numbers with a leading 1 and 15 digits.
 * Numbers are built at run time with their Luhn check digit ({@link #withLuhnDigit}).
 */
class CardCorpusDefectsTest extends DetectorCorpusTest {

    private static final CreditCardDetector DETECTOR = new CreditCardDetector();
    private static final String M = "[REDACTED:credit-card]";

    /** {@code payload} followed by the digit that makes it pass the Luhn check. */
    static String withLuhnDigit(String payload) {
        for (char d = '0'; d <= '9'; d++) {
            if (LuhnCheck.isValid(payload + d)) {
                return payload + d;
            }
        }
        throw new IllegalStateException();
    }

    static final String UATP = withLuhnDigit("10012345678901");
    static final String UATP_2 = withLuhnDigit("19876543210987");

    static Stream<Missed> missedLines() {
        String spaced = UATP_2.substring(0, 4) + " " + UATP_2.substring(4, 9) + " " + UATP_2.substring(9);
        return Stream.of(
                missed(DETECTOR, "airline charge card=" + UATP + " fare=412.00",
                        "airline charge card=" + M + " fare=412.00", UATP),
                missed(DETECTOR, "uatp " + spaced + " accepted", "uatp " + M + " accepted", UATP_2.substring(9)),
                missed(DETECTOR, "{\"pan\":\"" + UATP_2 + "\"}", "{\"pan\":\"" + M + "\"}", UATP_2));
    }

    @Test
    void uatpIsKnownAtFifteenDigitsOnly() {
        assertThat(CardIssuers.issuer(100_123, 15)).isEqualTo("uatp");
        assertThat(CardIssuers.issuer(199_999, 15)).isEqualTo("uatp");
        assertThat(CardIssuers.issuer(100_123, 16)).isNull();
        assertThat(CardIssuers.issuer(100_123, 14)).isNull();
    }

    static Stream<LookAlike> lookAlikes() {
        String luhnInvalid = UATP.substring(0, 14) + (char) ('0' + (UATP.charAt(14) - '0' + 1) % 10);
        return cleanLinesAnd(DETECTOR,
                "order " + luhnInvalid + " shipped",
                "sixteen digits " + withLuhnDigit("100123456789012"),
                "fourteen digits " + withLuhnDigit("1001234567890"),
                "epochMillis=1700000000000 epochMicros=1700000000000000",
                "range " + UATP + "-12",
                "ref A" + UATP);
    }
}
