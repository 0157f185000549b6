package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves that public test card numbers are masked in log lines and card look-alikes are left alone. */
class CreditCardDetectorTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new CreditCardDetector(), Action.MASK).build();
    private static final String M = "[REDACTED:credit-card]";

    static Stream<Arguments> cards() {
        return Stream.of(
                arguments("Payment accepted card=4111111111111111 amount=12.00", "Payment accepted card=" + M + " amount=12.00"),
                arguments("card 4111 1111 1111 1111 exp 12/27", "card " + M + " exp 12/27"),
                arguments("pan=4111-1111-1111-1111;", "pan=" + M + ";"),
                arguments("Amex 3782 822463 10005 charged", "Amex " + M + " charged"),
                arguments("amex=378282246310005", "amex=" + M),
                arguments("MC 5555555555554444 authorised", "MC " + M + " authorised"),
                arguments("mastercard 5105-1051-0510-5100 refunded", "mastercard " + M + " refunded"),
                arguments("2-series 2223003122003222 ok", "2-series " + M + " ok"),
                arguments("Discover 6011111111111117", "Discover " + M),
                arguments("discover 6011 0009 9013 9424 expired", "discover " + M + " expired"),
                arguments("JCB 3530111333300000 ok", "JCB " + M + " ok"),
                arguments("jcb 3566 0020 2036 0505", "jcb " + M),
                arguments("Diners 30569309025904 (14 digits)", "Diners " + M + " (14 digits)"),
                arguments("diners 3852 000002 3237 ok", "diners " + M + " ok"),
                arguments("UnionPay 6200000000000005", "UnionPay " + M),
                arguments("unionpay19 6205500000000000004.", "unionpay19 " + M + "."),
                arguments("visa13 4222222222222 done", "visa13 " + M + " done"),
                arguments("{\"cardNumber\":\"4012888888881881\",\"cvv\":\"***\"}", "{\"cardNumber\":\"" + M + "\",\"cvv\":\"***\"}"),
                arguments("4242424242424242", M),
                arguments("cards: 4111111111111111,5555555555554444", "cards: " + M + "," + M),
                arguments("maestro 6759649826438453 used", "maestro " + M + " used"),
                arguments("mir 2200000000000004 used", "mir " + M + " used"),
                arguments("card (4000 0566 5566 5556) declined", "card (" + M + ") declined"),
                arguments("card 4111 1111 1111 1111 123 cvv-like", "card " + M + " 123 cvv-like"),
                arguments("tab\t5200828282828210\tend", "tab\t" + M + "\tend"),
                arguments("card_4111111111111111 stored", "card_" + M + " stored"),
                arguments("items 2 4111 1111 1111 1111", "items 2 " + M));
    }

    @ParameterizedTest
    @MethodSource("cards")
    void masksCardNumbers(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "order 4111111111111112 created",                 // Luhn-invalid
        "orderId=1234567812345678",                       // no issuer, Luhn-invalid
        "orderId=7992739871300008 shipped",               // Luhn-valid, no issuer
        "ticket 1234567812345001",                        // Luhn-valid, no issuer
        "build 5555555555554445",                         // Luhn-invalid Mastercard range
        "visa-length 41111111111111113",                  // Luhn-valid, 17 digits: Visa never issues 17
        "amex-length 3782822463100052",                   // Luhn-valid, 16 digits: Amex is 15
        "zeros 0000 0000 0000 0000",                      // Luhn-valid, no issuer
        "trace 41111111111111111111",                     // 20 digits
        "span 411111111111111111111111111111111111",      // part of a longer digit run
        "uuid f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "hex 0x4111111111111111",
        "ref A4111111111111111",
        "ref 4111111111111111B",
        "amount 4111111111111111.50",
        "range 12-4111-1111-1111-1111",
        "range 4111-1111-1111-1111-12",
        "mixed 4111 1111-1111 1111",
        "double spaced 4111  1111  1111  1111",
        "digits 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
        "phone +1 415 555 2671 ext 12",
        "2024-01-15 12:30:45.123 INFO took 1700000000000 ms",
        "epochNanos=1700000000000000000",
        "ISBN 978-3-16-148410-0",
        "iban DE89370400440532013000",
        "v4111.1111.1111.1111",
    })
    void leavesLookAlikesAlone(String line) {
        assertThat(REDACTOR.redact(line)).isSameAs(line);
    }
}
