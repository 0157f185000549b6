package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves a sealed message opens only with the right private key, info and aad and unmodified enc and ct, and that
 * small-order X25519 points are refused on both sides with a clear error.
 */
class HpkeRefusesTamperingTest {

    private static final byte[] INFO = "info".getBytes();
    private static final byte[] AAD = "aad".getBytes();
    private static final byte[] PT = "a 32-byte data key, or any text".getBytes();

    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @ValueSource(ints = {Hpke.AEAD_AES_128_GCM, Hpke.AEAD_AES_256_GCM, Hpke.AEAD_CHACHA20_POLY1305})
    void roundTripsWithTheRightKey(int aeadId) throws Exception {
        Hpke hpke = new Hpke(aeadId);
        X25519KeyPair recipient = X25519KeyPair.generate(random);

        Hpke.Sealed sealed = hpke.seal(recipient.publicKey(), INFO, AAD, PT);

        assertThat(sealed.enc()).hasSize(32);
        assertThat(sealed.ct()).hasSize(PT.length + Hpke.TAG_LENGTH);
        assertThat(hpke.open(sealed.enc(), recipient.privateKey(), INFO, AAD, sealed.ct())).isEqualTo(PT);
        assertThat(hpke.seal(recipient.publicKey(), INFO, AAD, PT)).as("fresh ephemeral key per seal").isNotEqualTo(sealed);
    }

    @ParameterizedTest
    @ValueSource(ints = {Hpke.AEAD_AES_128_GCM, Hpke.AEAD_AES_256_GCM, Hpke.AEAD_CHACHA20_POLY1305})
    void refusesTheWrongKeyInfoAadOrAModifiedCiphertext(int aeadId) throws Exception {
        Hpke hpke = new Hpke(aeadId);
        X25519KeyPair recipient = X25519KeyPair.generate(random);
        byte[] sk = recipient.privateKey();
        Hpke.Sealed sealed = hpke.seal(recipient.publicKey(), INFO, AAD, PT);

        assertThatThrownBy(() -> hpke.open(sealed.enc(), X25519KeyPair.generate(random).privateKey(), INFO, AAD, sealed.ct()))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> hpke.open(sealed.enc(), sk, "other".getBytes(), AAD, sealed.ct()))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> hpke.open(sealed.enc(), sk, INFO, "other".getBytes(), sealed.ct()))
                .isInstanceOf(AEADBadTagException.class);
        for (int i = 0; i < sealed.ct().length; i++) {
            byte[] ct = sealed.ct();
            ct[i] ^= 0x01;
            assertThatThrownBy(() -> hpke.open(sealed.enc(), sk, INFO, AAD, ct)).as("ct byte %d", i)
                    .isInstanceOf(AEADBadTagException.class);
        }
        for (int i = 0; i < 31; i++) {
            // bit 255 of a u-coordinate is ignored by X25519 (RFC 7748), so flip only bits that count
            byte[] enc = sealed.enc();
            enc[i] ^= 0x01;
            assertThatThrownBy(() -> hpke.open(enc, sk, INFO, AAD, sealed.ct())).as("enc byte %d", i)
                    .isInstanceOf(GeneralSecurityException.class);
        }
        byte[] truncated = Arrays.copyOf(sealed.ct(), sealed.ct().length - 1);
        assertThatThrownBy(() -> hpke.open(sealed.enc(), sk, INFO, AAD, truncated))
                .isInstanceOf(AEADBadTagException.class);
    }

    /** RFC 7748 small-order u-coordinates: 0, 1, p (which decodes to 0), and 0 with the ignored top bit set. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000080"
    })
    void refusesSmallOrderPointsAsRecipientOrEnc(String point) {
        byte[] u = HexFormat.of().parseHex(point);
        Hpke hpke = new Hpke(Hpke.AEAD_AES_256_GCM);
        X25519KeyPair recipient = X25519KeyPair.generate(random);

        assertThatThrownBy(() -> hpke.seal(u, INFO, AAD, PT))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("small-order point");
        assertThatThrownBy(() -> hpke.open(u, recipient.privateKey(), INFO, AAD, new byte[48]))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("small-order point");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 0x0020, 0xFFFF})
    void refusesUnknownAeadIds(int aeadId) {
        assertThatThrownBy(() -> new Hpke(aeadId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported HPKE AEAD id");
    }
}
