package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.BUILT_IN;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cards a held-out corpus showed missed: UATP airline cards, which UATP numbers with a leading 1 and 15 digits.
 * Numbers are built at run time with their Luhn check digit ({@link #withLuhnDigit}).
 */
class CardCorpusDefectsTest {

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

    static Stream<Arguments> uatpCards() {
        String spaced = UATP_2.substring(0, 4) + " " + UATP_2.substring(4, 9) + " " + UATP_2.substring(9);
        return Stream.of(
                arguments("airline charge card=" + UATP + " fare=412.00", "airline charge card=" + M + " fare=412.00", UATP),
                arguments("uatp " + spaced + " accepted", "uatp " + M + " accepted", UATP_2.substring(9)),
                arguments("{\"pan\":\"" + UATP_2 + "\"}", "{\"pan\":\"" + M + "\"}", UATP_2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uatpCards")
    void detectorMasksUatpCards(String line, String expected, String secret) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected).doesNotContain(secret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uatpCards")
    void builtInEngineMasksUatpCards(String line, String expected, String secret) {
        assertThat(BUILT_IN.redact(line)).isEqualTo(expected).doesNotContain(secret);
    }

    @Test
    void uatpIsKnownAtFifteenDigitsOnly() {
        assertThat(CardIssuers.issuer(100_123, 15)).isEqualTo("uatp");
        assertThat(CardIssuers.issuer(199_999, 15)).isEqualTo("uatp");
        assertThat(CardIssuers.issuer(100_123, 16)).isNull();
        assertThat(CardIssuers.issuer(100_123, 14)).isNull();
    }

    static Stream<String> lookAlikes() {
        String luhnInvalid = UATP.substring(0, 14) + (char) ('0' + (UATP.charAt(14) - '0' + 1) % 10);
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                "order " + luhnInvalid + " shipped",
                "sixteen digits " + withLuhnDigit("100123456789012"),
                "fourteen digits " + withLuhnDigit("1001234567890"),
                "epochMillis=1700000000000 epochMicros=1700000000000000",
                "range " + UATP + "-12",
                "ref A" + UATP));
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void leavesLookAlikesUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void builtInEngineLeavesLookAlikesUntouched(String line) {
        assertThat(BUILT_IN.redact(line)).isEqualTo(Redactions.builtInCleanLine(line));
    }
}
