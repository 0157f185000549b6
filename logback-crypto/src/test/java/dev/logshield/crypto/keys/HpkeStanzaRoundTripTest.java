package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/**
 * Proves the type 0x01 stanza has exactly the specified 94-byte layout (an independent HPKE, BouncyCastle's,
 * opens its ct with the specified info), and that the matching identity, and only it, unwraps the data key.
 */
class HpkeStanzaRoundTripTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void bodyHasTheSpecifiedLayout() throws Exception {
        AsymmetricCipherKeyPair bcRecipient = bouncyCastle().generatePrivateKey();
        byte[] pk = bouncyCastle().serializePublicKey(bcRecipient.getPublic());
        byte[] dataKey = randomBytes(32);
        byte[] segmentId = randomBytes(16);

        Stanza stanza = HpkeRecipient.fromPublicKey(pk).wrap(dataKey, segmentId);

        assertThat(stanza.type()).isEqualTo(0x01);
        ByteBuffer body = ByteBuffer.wrap(stanza.body());
        assertThat(body.remaining()).isEqualTo(94);
        assertThat(body.getShort()).isEqualTo((short) 0x0020);
        assertThat(body.getShort()).isEqualTo((short) 0x0001);
        assertThat(body.getShort()).isEqualTo((short) 0x0002);
        byte[] kid = new byte[8];
        byte[] enc = new byte[32];
        byte[] ct = new byte[48];
        body.get(kid).get(enc).get(ct);
        assertThat(kid).isEqualTo(KeyIds.forRecipient(pk));
        byte[] info = ByteBuffer.allocate(26).put("lse/v1 dek".getBytes(StandardCharsets.US_ASCII)).put(segmentId).array();
        assertThat(bouncyCastle().open(enc, bcRecipient, info, new byte[0], ct, null, null, null)).isEqualTo(dataKey);
    }

    @Test
    void theMatchingIdentityUnwrapsAmongOtherStanzas() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        HpkeRecipient other = HpkeRecipient.fromPublicKey(X25519KeyPair.generate(random).publicKey());
        byte[] dataKey = randomBytes(32);
        byte[] segmentId = randomBytes(16);
        List<Stanza> stanzas = List.of(new Stanza(9, randomBytes(20)), other.wrap(dataKey, segmentId),
                new Stanza(Stanza.HPKE_X25519, randomBytes(10)), identity.recipient().wrap(dataKey, segmentId));

        assertThat(identity.unwrap(stanzas, segmentId)).hasValueSatisfying(k -> assertThat(k).isEqualTo(dataKey));
    }

    @Test
    void anIdentityWithNoStanzaGetsNothing() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        HpkeRecipient other = HpkeRecipient.fromPublicKey(X25519KeyPair.generate(random).publicKey());
        byte[] segmentId = randomBytes(16);

        assertThat(identity.unwrap(List.of(other.wrap(randomBytes(32), segmentId)), segmentId)).isEmpty();
        assertThat(identity.unwrap(List.of(), segmentId)).isEmpty();
    }

    @Test
    void aStanzaForThisKeyThatWasModifiedIsCorrupt() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        byte[] segmentId = randomBytes(16);
        byte[] body = identity.recipient().wrap(randomBytes(32), segmentId).body();

        for (int i = 14; i < body.length; i++) { // enc and ct; flipping bit 0 never hits enc's ignored bit 255
            byte[] changed = body.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> identity.unwrap(List.of(new Stanza(Stanza.HPKE_X25519, changed)), segmentId))
                    .as("byte %d", i).isInstanceOf(CorruptStanzaException.class)
                    .hasMessageContaining("kid " + KeyIds.hex(identity.keyId()));
        }
    }

    @Test
    void aStanzaWhoseKeyIdWasModifiedIsAddressedToNoOne() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        byte[] segmentId = randomBytes(16);
        byte[] body = identity.recipient().wrap(randomBytes(32), segmentId).body();
        body[6] ^= 0x01;

        assertThat(identity.unwrap(List.of(new Stanza(Stanza.HPKE_X25519, body)), segmentId)).isEmpty();
    }

    @Test
    void aStanzaForAnotherSegmentIsCorrupt() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        Stanza stanza = identity.recipient().wrap(randomBytes(32), randomBytes(16));

        assertThatThrownBy(() -> identity.unwrap(List.of(stanza), randomBytes(16)))
                .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("does not open");
    }

    @Test
    void anUnknownSuiteOrLengthForThisKeyIsCorrupt() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        byte[] segmentId = randomBytes(16);
        byte[] body = identity.recipient().wrap(randomBytes(32), segmentId).body();

        for (int field = 0; field < 3; field++) {
            byte[] changed = body.clone();
            changed[2 * field + 1] ^= 0x07;
            assertThatThrownBy(() -> identity.unwrap(List.of(new Stanza(Stanza.HPKE_X25519, changed)), segmentId))
                    .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("names suite");
        }
        byte[] longer = Arrays.copyOf(body, 95);
        byte[] shorter = Arrays.copyOf(body, 30);
        assertThatThrownBy(() -> identity.unwrap(List.of(new Stanza(Stanza.HPKE_X25519, longer)), segmentId))
                .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("95 bytes, expected 94");
        assertThatThrownBy(() -> identity.unwrap(List.of(new Stanza(Stanza.HPKE_X25519, shorter)), segmentId))
                .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("30 bytes, expected 94");
    }

    @Test
    void everyWrapUsesAFreshEphemeralKey() throws Exception {
        HpkeRecipient recipient = HpkeRecipient.fromPublicKey(X25519KeyPair.generate(random).publicKey());
        byte[] dataKey = randomBytes(32);
        byte[] segmentId = randomBytes(16);

        assertThat(recipient.wrap(dataKey, segmentId)).isNotEqualTo(recipient.wrap(dataKey, segmentId));
    }

    @Test
    void refusesDataKeysAndSegmentIdsOfTheWrongLength() throws Exception {
        HpkeRecipient recipient = HpkeRecipient.fromPublicKey(X25519KeyPair.generate(random).publicKey());

        assertThatThrownBy(() -> recipient.wrap(new byte[16], new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data key is 32 bytes");
        assertThatThrownBy(() -> recipient.wrap(new byte[32], new byte[8])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segment id is 16 bytes");
    }

    private static HPKE bouncyCastle() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
