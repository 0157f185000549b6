package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves the JDK's AES/KWP/NoPadding, which {@link KekWrapper} uses, is RFC 5649: its section 6 vectors both ways. */
class AesKwpIsRfc5649Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final String KEK = "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8";

    @ParameterizedTest
    @CsvSource({
        "c37b7e6492584340bed12207808941155068f738, 138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a",
        "466f7250617369, afbeb0f07dfbf5419200f2ccb50bb24f"
    })
    void wrapsAndUnwrapsTheSection6Vectors(String key, String wrapped) throws Exception {
        SecretKeySpec kek = new SecretKeySpec(HEX.parseHex(KEK), "AES");
        Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");

        cipher.init(Cipher.ENCRYPT_MODE, kek);
        assertThat(HEX.formatHex(cipher.doFinal(HEX.parseHex(key)))).isEqualTo(wrapped);
        cipher.init(Cipher.DECRYPT_MODE, kek);
        assertThat(HEX.formatHex(cipher.doFinal(HEX.parseHex(wrapped)))).isEqualTo(key);
    }
}
