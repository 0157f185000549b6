package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves that issuer prefixes are recognised only at the lengths their network issues. */
class CardIssuersTest {

    @ParameterizedTest
    @CsvSource({
        "411111, 16, visa", "422222, 13, visa", "462055, 19, visa", "411111, 15, ",
        "555555, 16, mastercard", "510510, 16, mastercard", "222300, 16, mastercard", "272099, 16, mastercard",
        "272100, 16, ", "555555, 19, ",
        "378282, 15, amex", "341111, 15, amex", "378282, 16, ",
        "601111, 16, discover", "644000, 16, discover", "650000, 19, discover", "622126, 16, discover",
        "620000, 16, unionpay", "353011, 16, jcb", "358999, 19, jcb", "352799, 16, ",
        "305693, 14, diners", "385200, 14, diners", "362272, 14, diners", "309500, 16, diners",
        "220000, 16, mir", "675964, 16, maestro", "501800, 13, maestro",
        "123456, 16, ", "700000, 16, ", "999999, 16, ", "12345, 16, "
    })
    void mapsPrefixAndLengthToNetwork(int iin, int length, String network) {
        assertThat(CardIssuers.issuer(iin, length)).isEqualTo(network);
        assertThat(CardIssuers.isKnown(iin, length)).isEqualTo(network != null);
    }
}
