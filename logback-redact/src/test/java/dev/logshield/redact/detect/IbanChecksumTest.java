package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves the ISO 7064 MOD 97-10 IBAN check against published example IBANs and single-character errors. */
class IbanChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "GB29NWBK60161331926819",
        "FR1420041010050500013M02606", "ES9121000418450200051332", "IT60X0542811101000000123456",
        "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957", "NO9386011117947",
        "MT84MALT011000012345MTLCAST001S", "BR1800360305000010009795493C1", "KZ86125KZT5004100100"
    })
    void acceptsPublishedExamples(String iban) {
        assertThat(IbanChecksum.isValid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DE89370400440532013001", "DE98370400440532013000", "DE89370400440532031000", "de89370400440532013000",
        "DE00370400440532013000", "DE01370400440532013000", "DE99370400440532013000", "DE89-3704-0044-0532-0130-00",
        "1289370400440532013000", "DEXX370400440532013000", "DE89", "", "DE89 "
    })
    void rejectsAlteredOrMalformedIbans(String iban) {
        assertThat(IbanChecksum.isValid(iban)).isFalse();
    }

    /** MOD 97-10 catches every substitution of a digit by a digit or a letter by a letter. */
    @Test
    void detectsEverySingleCharacterChange() {
        String valid = "GB82WEST12345698765432";
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < valid.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == valid.charAt(i) || Character.isDigit(c) != Character.isDigit(valid.charAt(i))) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(IbanChecksum.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void checksARangeOfALongerText() {
        String line = "iban=DE89370400440532013000;";
        assertThat(IbanChecksum.isValid(line, 5, 27)).isTrue();
        assertThat(IbanChecksum.isValid(line, 5, 28)).isFalse();
        assertThat(IbanChecksum.isValid(line, 5, 99)).isFalse();
        assertThat(IbanChecksum.isValid(null)).isFalse();
    }

    @Test
    void knowsCountryLengths() {
        assertThat(IbanLengths.lengthOf('D', 'E')).isEqualTo(22);
        assertThat(IbanLengths.lengthOf('N', 'O')).isEqualTo(15);
        assertThat(IbanLengths.lengthOf('F', 'R')).isEqualTo(27);
        assertThat(IbanLengths.lengthOf('Z', 'Z')).isZero();
        assertThat(IbanLengths.lengthOf('d', 'e')).isZero();
        assertThat(IbanLengths.accepts('Z', 'Z', 15)).isTrue();
        assertThat(IbanLengths.accepts('Z', 'Z', 35)).isFalse();
        assertThat(IbanLengths.accepts('D', 'E', 21)).isFalse();
    }
}
