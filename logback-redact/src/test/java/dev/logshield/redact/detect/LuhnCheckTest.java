package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves the Luhn check against public test numbers and single-digit errors. */
class LuhnCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "30569309025904",
        "4111 1111 1111 1111", "4111-1111-1111-1111", "79927398713", "0000000000000000", "18", "59"
    })
    void acceptsValidNumbers(String number) {
        assertThat(LuhnCheck.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111112", "5555555555554445", "378282246310006", "79927398710", "4111111111111", "19",
        "1", "", "4111x111111111111", "4111_1111_1111_1111", "4111.1111.1111.1111", "  ", "--"
    })
    void rejectsInvalidNumbers(String number) {
        assertThat(LuhnCheck.isValid(number)).isFalse();
    }

    @Test
    void detectsEverySingleDigitChange() {
        String valid = "4111111111111111";
        for (int i = 0; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + d + valid.substring(i + 1);
                assertThat(LuhnCheck.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void checksARangeOfALongerText() {
        String line = "card=4111111111111111;";
        assertThat(LuhnCheck.isValid(line, 5, 21)).isTrue();
        assertThat(LuhnCheck.isValid(line, 5, 22)).isFalse();
        assertThat(LuhnCheck.isValid(line, -1, 21)).isFalse();
        assertThat(LuhnCheck.isValid(line, 5, 99)).isFalse();
        assertThat(LuhnCheck.isValid(null)).isFalse();
    }
}
