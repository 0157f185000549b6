package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves our Bech32 against the BIP-173 checksum vectors (valid ones decode and re-encode to themselves, any
 * one-character change is caught, invalid ones are refused), with age's one departure: no 90-character limit.
 */
class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl",
        // over BIP-173's 90 characters, accepted as age accepts it
        "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx"
    })
    void decodesAndReencodesValidStrings(String valid) {
        Bech32.Decoded decoded = Bech32.decode(valid);

        assertThat(Bech32.encode(decoded.hrp(), decoded.data())).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a12uel5l",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w"
    })
    void catchesEveryOneCharacterSubstitution(String valid) {
        String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        int dataStart = valid.lastIndexOf('1') + 1;
        for (int i = dataStart; i < valid.length(); i++) {
            for (char c : charset.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThatThrownBy(() -> Bech32.decode(changed)).as(changed)
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("bad checksum");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u00201nwldj5",      // HRP character out of range
        "\u007f1axkwrx",      // HRP character out of range
        "\u00801eym55h",      // HRP character out of range
        "pzry9x0s0muk",       // no separator
        "1pzry9x0s0muk",      // empty HRP
        "x1b4n0q5v",          // invalid data character
        "li1dgmt3",           // checksum too short
        "de1lg7wt\u00ff",     // invalid character in checksum
        "A1G7SGD8",           // checksum computed over the upper-case HRP
        "10a06t8",            // empty HRP
        "1qzzfhee",           // empty HRP
        "A12uEL5L",           // mixed case
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e2w" // checksum
    })
    void refusesInvalidStrings(String invalid) {
        assertThatThrownBy(() -> Bech32.decode(invalid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsEveryLengthOfData() {
        SecureRandom random = new SecureRandom();
        for (int n = 0; n <= 64; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);

            Bech32.Decoded lower = Bech32.decode(Bech32.encode("test", data));
            Bech32.Decoded upper = Bech32.decode(Bech32.encode("TEST", data));

            assertThat(lower.hrp()).isEqualTo("test");
            assertThat(lower.data()).isEqualTo(data);
            assertThat(upper.hrp()).isEqualTo("TEST");
            assertThat(upper.data()).isEqualTo(data);
        }
    }
}
