package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves our HPKE computes every published intermediate value of RFC 9180 Appendix A.1 (DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-128-GCM) and A.2 (the same with ChaCha20-Poly1305), base mode: the key pairs
 * derived from ikmE and ikmR, enc, shared_secret, key, base_nonce and the sequence-0 ciphertext, and opens it.
 */
class HpkeRfc9180VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The base-mode values of one appendix section, as printed in the RFC. */
    record Vector(String name, int aeadId, String info, String ikmE, String skEm, String pkEm, String ikmR,
            String skRm, String pkRm, String enc, String sharedSecret, String key, String baseNonce, String pt,
            String aad, String ct) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("A.1 AES-128-GCM", Hpke.AEAD_AES_128_GCM,
                        "4f6465206f6e2061204772656369616e2055726e",
                        "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234",
                        "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
                        "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
                        "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037",
                        "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
                        "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
                        "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
                        "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc",
                        "4531685d41d65f03dc48f6b8302c05b0",
                        "56d890e5accaaf011cff4b7d",
                        "4265617574792069732074727574682c20747275746820626561757479",
                        "436f756e742d30",
                        "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a"),
                new Vector("A.2 ChaCha20-Poly1305", Hpke.AEAD_CHACHA20_POLY1305,
                        "4f6465206f6e2061204772656369616e2055726e",
                        "909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b",
                        "f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600",
                        "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
                        "1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df",
                        "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb",
                        "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a",
                        "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
                        "0bbe78490412b4bbea4812666f7916932b828bba79942424abb65244930d69a7",
                        "ad2744de8e17f4ebba575b3f5f5a8fa1f69c2a07f6e7500bc60ca6e3e3ec1c91",
                        "5c4d98150661b848853b547f",
                        "4265617574792069732074727574682c20747275746820626561757479",
                        "436f756e742d30",
                        "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesTheEphemeralAndRecipientKeyPairs(Vector v) {
        X25519KeyPair ephemeral = Hpke.deriveKeyPair(HEX.parseHex(v.ikmE()));
        X25519KeyPair recipient = Hpke.deriveKeyPair(HEX.parseHex(v.ikmR()));

        assertThat(HEX.formatHex(ephemeral.privateKey())).isEqualTo(v.skEm());
        assertThat(HEX.formatHex(ephemeral.publicKey())).isEqualTo(v.pkEm());
        assertThat(HEX.formatHex(recipient.privateKey())).isEqualTo(v.skRm());
        assertThat(HEX.formatHex(recipient.publicKey())).isEqualTo(v.pkRm());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encapsulatesToTheSameEncAndSharedSecretAsDecapsulation(Vector v) throws Exception {
        X25519KeyPair ephemeral = Hpke.deriveKeyPair(HEX.parseHex(v.ikmE()));

        DhKem.Encapsulation encapsulation = DhKem.encap(ephemeral, HEX.parseHex(v.pkRm()));
        byte[] decapsulated = DhKem.decap(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), HEX.parseHex(v.pkRm()));

        assertThat(HEX.formatHex(encapsulation.enc())).isEqualTo(v.enc());
        assertThat(HEX.formatHex(encapsulation.sharedSecret())).isEqualTo(v.sharedSecret());
        assertThat(HEX.formatHex(decapsulated)).isEqualTo(v.sharedSecret());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesTheKeyAndBaseNonce(Vector v) {
        Hpke.KeySchedule schedule = new Hpke(v.aeadId()).keySchedule(HEX.parseHex(v.sharedSecret()), HEX.parseHex(v.info()));

        assertThat(HEX.formatHex(schedule.key())).isEqualTo(v.key());
        assertThat(HEX.formatHex(schedule.baseNonce())).isEqualTo(v.baseNonce());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sealsTheSequenceZeroCiphertext(Vector v) throws Exception {
        X25519KeyPair ephemeral = Hpke.deriveKeyPair(HEX.parseHex(v.ikmE()));

        Hpke.Sealed sealed = new Hpke(v.aeadId()).seal(ephemeral, HEX.parseHex(v.pkRm()), HEX.parseHex(v.info()),
                HEX.parseHex(v.aad()), HEX.parseHex(v.pt()));

        assertThat(HEX.formatHex(sealed.enc())).isEqualTo(v.enc());
        assertThat(HEX.formatHex(sealed.ct())).isEqualTo(v.ct());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void opensTheSequenceZeroCiphertext(Vector v) throws Exception {
        byte[] pt = new Hpke(v.aeadId()).open(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), HEX.parseHex(v.info()),
                HEX.parseHex(v.aad()), HEX.parseHex(v.ct()));

        assertThat(HEX.formatHex(pt)).isEqualTo(v.pt());
    }
}
