package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the type 0x02 stanza has the specified layout (its wrapped key opens with BouncyCastle's RFC 5649
 * engine), that the key-encryption key unwraps what it wrapped, skips stanzas of other keys and fails closed on
 * modified ones.
 */
class KekWrapperTest {

    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @ValueSource(ints = {16, 32})
    void bodyIsKidAliasLengthAliasAndTheRfc5649WrappedKey(int kekLength) throws Exception {
        byte[] kekBytes = randomBytes(kekLength);
        KekWrapper wrapper = KekWrapper.of("backup-2025 ✓", new SecretKeySpec(kekBytes, "AES"));
        byte[] dataKey = randomBytes(32);

        Stanza stanza = wrapper.wrap(dataKey, randomBytes(16));

        byte[] alias = "backup-2025 ✓".getBytes(StandardCharsets.UTF_8);
        assertThat(stanza.type()).isEqualTo(0x02);
        ByteBuffer body = ByteBuffer.wrap(stanza.body());
        assertThat(body.remaining()).isEqualTo(8 + 1 + alias.length + 40);
        byte[] kid = new byte[8];
        body.get(kid);
        assertThat(kid).isEqualTo(KeyIds.forKek(new SecretKeySpec(kekBytes, "AES")));
        assertThat(body.get() & 0xFF).isEqualTo(alias.length);
        byte[] aliasRead = new byte[alias.length];
        body.get(aliasRead);
        assertThat(aliasRead).isEqualTo(alias);
        byte[] wrapped = new byte[40];
        body.get(wrapped);
        RFC5649WrapEngine bc = new RFC5649WrapEngine(AESEngine.newInstance());
        bc.init(false, new KeyParameter(kekBytes));
        assertThat(bc.unwrap(wrapped, 0, wrapped.length)).isEqualTo(dataKey);
    }

    @Test
    void unwrapsItsOwnStanzaAmongOthers() throws Exception {
        KekWrapper wrapper = KekWrapper.of("primary", aesKey(32));
        KekWrapper other = KekWrapper.of("primary", aesKey(32));
        HpkeRecipient recipient = HpkeIdentity.of(X25519KeyPair.generate(random)).recipient();
        byte[] dataKey = randomBytes(32);
        byte[] segmentId = randomBytes(16);
        List<Stanza> stanzas = List.of(recipient.wrap(dataKey, segmentId), other.wrap(dataKey, segmentId),
                new Stanza(Stanza.AES_KWP, randomBytes(5)), wrapper.wrap(dataKey, segmentId));

        assertThat(wrapper.unwrap(stanzas, segmentId)).hasValueSatisfying(k -> assertThat(k).isEqualTo(dataKey));
        assertThat(wrapper.unwrap(stanzas.subList(0, 3), segmentId)).isEmpty();
    }

    @Test
    void aModifiedStanzaForThisKeyIsCorrupt() throws Exception {
        KekWrapper wrapper = KekWrapper.of("primary", aesKey(32));
        byte[] body = wrapper.wrap(randomBytes(32), randomBytes(16)).body();
        int wrappedStart = body.length - 40;

        for (int i = wrappedStart; i < body.length; i++) {
            byte[] changed = body.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> wrapper.unwrap(List.of(new Stanza(Stanza.AES_KWP, changed)), new byte[16]))
                    .as("byte %d", i).isInstanceOf(CorruptStanzaException.class).hasMessageContaining("does not unwrap");
        }
        byte[] badAliasLength = body.clone();
        badAliasLength[8] += 1;
        assertThatThrownBy(() -> wrapper.unwrap(List.of(new Stanza(Stanza.AES_KWP, badAliasLength)), new byte[16]))
                .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("expected " + (body.length + 1));
        byte[] kidOnly = Arrays.copyOf(body, 8);
        assertThatThrownBy(() -> wrapper.unwrap(List.of(new Stanza(Stanza.AES_KWP, kidOnly)), new byte[16]))
                .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("too short for an alias length");
    }

    @Test
    void aStanzaWithAnEmptyAliasFromAnotherWriterOpens() throws Exception {
        SecretKey kek = aesKey(32);
        KekWrapper wrapper = KekWrapper.of("ours", kek);
        byte[] dataKey = randomBytes(32);
        Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, kek);
        byte[] body = ByteBuffer.allocate(8 + 1 + 40).put(wrapper.keyId()).put((byte) 0).put(cipher.doFinal(dataKey))
                .array();

        assertThat(wrapper.unwrap(List.of(new Stanza(Stanza.AES_KWP, body)), new byte[16]))
                .hasValueSatisfying(k -> assertThat(k).isEqualTo(dataKey));
    }

    @Test
    void aWrappedKeyOfAnotherLengthIsCorrupt() throws Exception {
        SecretKey kek = aesKey(32);
        KekWrapper wrapper = KekWrapper.of("k", kek);
        Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, kek);
        // a 31-byte key is padded to 32 by KWP, so it wraps to the same 40 bytes as a data key
        byte[] body = ByteBuffer.allocate(8 + 1 + 1 + 40).put(wrapper.keyId()).put((byte) 1).put((byte) 'k')
                .put(cipher.doFinal(randomBytes(31))).array();

        assertThatThrownBy(() -> wrapper.unwrap(List.of(new Stanza(Stanza.AES_KWP, body)), new byte[16]))
                .isInstanceOf(CorruptStanzaException.class).hasMessageContaining("holds a 31-byte key, expected 32");
    }

    @Test
    void refusesNonAesKeysAndBadAliases() {
        assertThatThrownBy(() -> KekWrapper.of("k", new SecretKeySpec(randomBytes(32), "HmacSHA256")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("a HmacSHA256 key, not AES");
        assertThatThrownBy(() -> KekWrapper.of("k", new SecretKeySpec(randomBytes(24), "AES")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("AES-192");
        assertThatThrownBy(() -> KekWrapper.of("", aesKey(32)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("1 to 255 bytes");
        assertThatThrownBy(() -> KekWrapper.of("é".repeat(128), aesKey(32)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("not 256");
    }

    @Test
    void describesItselfWithoutTheKey() throws Exception {
        KekWrapper wrapper = KekWrapper.of("primary", aesKey(16));

        assertThat(wrapper.describe()).isEqualTo("AES-128 key-encryption key 'primary' (kid " + KeyIds.hex(wrapper.keyId()) + ")");
    }

    private SecretKey aesKey(int length) {
        return new SecretKeySpec(randomBytes(length), "AES");
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
