package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves our JDK-only HPKE interoperates with an independent implementation, BouncyCastle's: what one seals the
 * other opens, for AES-256-GCM and ChaCha20-Poly1305, over many random keys and message sizes.
 */
class HpkeAgreesWithBouncyCastleTest {

    private static final int ROUNDS = 20;
    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @ValueSource(ints = {Hpke.AEAD_AES_256_GCM, Hpke.AEAD_CHACHA20_POLY1305})
    void bouncyCastleOpensWhatWeSeal(int aeadId) throws Exception {
        HPKE bc = bouncyCastle(aeadId);
        Hpke ours = new Hpke(aeadId);
        for (int i = 0; i < ROUNDS; i++) {
            AsymmetricCipherKeyPair recipient = bc.generatePrivateKey();
            byte[] pkR = bc.serializePublicKey(recipient.getPublic());
            byte[] info = randomBytes(i);
            byte[] aad = randomBytes(2 * i);
            byte[] pt = randomBytes(3 * i + 1);

            Hpke.Sealed sealed = ours.seal(pkR, info, aad, pt);
            byte[] opened = bc.open(sealed.enc(), recipient, info, aad, sealed.ct(), null, null, null);

            assertThat(opened).isEqualTo(pt);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Hpke.AEAD_AES_256_GCM, Hpke.AEAD_CHACHA20_POLY1305})
    void weOpenWhatBouncyCastleSeals(int aeadId) throws Exception {
        HPKE bc = bouncyCastle(aeadId);
        Hpke ours = new Hpke(aeadId);
        for (int i = 0; i < ROUNDS; i++) {
            X25519KeyPair recipient = X25519KeyPair.generate(random);
            byte[] info = randomBytes(i);
            byte[] aad = randomBytes(2 * i);
            byte[] pt = randomBytes(3 * i + 1);

            byte[][] ctAndEnc = bc.seal(bc.deserializePublicKey(recipient.publicKey()), info, aad, pt, null, null, null);
            byte[] opened = ours.open(ctAndEnc[1], recipient.privateKey(), info, aad, ctAndEnc[0]);

            assertThat(opened).isEqualTo(pt);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Hpke.AEAD_AES_128_GCM, Hpke.AEAD_AES_256_GCM, Hpke.AEAD_CHACHA20_POLY1305})
    void derivesTheSameKeyPairsAsBouncyCastle(int aeadId) {
        HPKE bc = bouncyCastle(aeadId);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] ikm = randomBytes(32 + i);

            AsymmetricCipherKeyPair theirs = bc.deriveKeyPair(ikm);
            X25519KeyPair ours = Hpke.deriveKeyPair(ikm);

            // BouncyCastle hands out the private key clamped, RFC 9180 (and we) unclamped: the same X25519 scalar
            assertThat(clamped(ours.privateKey())).isEqualTo(bc.serializePrivateKey(theirs.getPrivate()));
            assertThat(ours.publicKey()).isEqualTo(bc.serializePublicKey(theirs.getPublic()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Hpke.AEAD_AES_256_GCM, Hpke.AEAD_CHACHA20_POLY1305})
    void bouncyCastleOpensOurStanzaLayoutInputs(int aeadId) throws Exception {
        // the exact info the key block uses: "lse/v1 dek" || 16-byte segment id, empty aad, a 32-byte data key
        HPKE bc = bouncyCastle(aeadId);
        AsymmetricCipherKeyPair recipient = bc.generatePrivateKey();
        byte[] info = HpkeLabels.concat("lse/v1 dek".getBytes(StandardCharsets.US_ASCII), randomBytes(16));
        byte[] dataKey = randomBytes(32);

        Hpke.Sealed sealed = new Hpke(aeadId).seal(bc.serializePublicKey(recipient.getPublic()), info, new byte[0], dataKey);

        assertThat(sealed.ct()).hasSize(48);
        assertThat(bc.open(sealed.enc(), recipient, info, new byte[0], sealed.ct(), null, null, null)).isEqualTo(dataKey);
    }

    /** RFC 7748 section 5 decodeScalar25519. */
    private static byte[] clamped(byte[] scalar) {
        scalar[0] &= (byte) 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        return scalar;
    }

    private static HPKE bouncyCastle(int aeadId) {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, (short) aeadId);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
