package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * Proves key ids are the specified truncated SHA-256 and HMAC-SHA256 (recomputed with BouncyCastle), differ
 * between keys, and can be read back from both stanza types.
 */
class KeyIdsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void recipientIdIsTruncatedSha256OfLabelAndKey() {
        byte[] pk = X25519KeyPair.generate(random).publicKey();
        SHA256Digest sha = new SHA256Digest();
        byte[] label = "lse/v1 kid x25519".getBytes(StandardCharsets.US_ASCII);
        sha.update(label, 0, label.length);
        sha.update(pk, 0, pk.length);
        byte[] digest = new byte[32];
        sha.doFinal(digest, 0);

        assertThat(KeyIds.forRecipient(pk)).isEqualTo(Arrays.copyOf(digest, 8));
    }

    @Test
    void kekIdIsTruncatedHmacOfLabelUnderTheKey() {
        byte[] kek = new byte[32];
        random.nextBytes(kek);
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(kek));
        byte[] label = "lse/v1 kid kek".getBytes(StandardCharsets.US_ASCII);
        hmac.update(label, 0, label.length);
        byte[] mac = new byte[32];
        hmac.doFinal(mac, 0);

        assertThat(KeyIds.forKek(new SecretKeySpec(kek, "AES"))).isEqualTo(Arrays.copyOf(mac, 8));
    }

    @Test
    void differentKeysHaveDifferentIds() {
        assertThat(KeyIds.forRecipient(X25519KeyPair.generate(random).publicKey()))
                .isNotEqualTo(KeyIds.forRecipient(X25519KeyPair.generate(random).publicKey()));
        byte[] a = new byte[32];
        byte[] b = a.clone();
        b[31] = 1;
        assertThat(KeyIds.forKek(new SecretKeySpec(a, "AES"))).isNotEqualTo(KeyIds.forKek(new SecretKeySpec(b, "AES")));
    }

    @Test
    void readsTheAddresseeOfEachStanzaType() throws Exception {
        HpkeRecipient recipient = HpkeRecipient.fromPublicKey(X25519KeyPair.generate(random).publicKey());
        byte[] kekBytes = new byte[32];
        random.nextBytes(kekBytes);
        KekWrapper kek = KekWrapper.of("backup", new SecretKeySpec(kekBytes, "AES"));
        byte[] dataKey = new byte[32];
        byte[] segmentId = new byte[16];

        assertThat(KeyIds.addressedTo(recipient.wrap(dataKey, segmentId))).contains(recipient.keyId());
        assertThat(KeyIds.addressedTo(kek.wrap(dataKey, segmentId))).contains(kek.keyId());
        assertThat(KeyIds.addressedTo(new Stanza(7, new byte[40]))).isEmpty();
        assertThat(KeyIds.addressedTo(new Stanza(Stanza.HPKE_X25519, new byte[13]))).isEmpty();
    }

    @Test
    void hexIsLowerCase() {
        assertThat(KeyIds.hex(new byte[] {0x1a, 0x2B, (byte) 0xff, 0})).isEqualTo("1a2bff00");
    }

    @Test
    void refusesKeysThatHideTheirBytes() {
        SecretKey opaque = new SecretKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getAlgorithm() {
                return "AES";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };

        assertThatThrownBy(() -> KeyIds.forKek(opaque)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not expose its bytes");
    }
}
