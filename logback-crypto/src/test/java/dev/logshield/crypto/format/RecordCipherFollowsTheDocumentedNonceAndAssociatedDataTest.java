package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A record body is the AEAD of FORMAT.md: nonce = 4 zero bytes and the 64-bit sequence number, associated data =
 * SHA-256(core), sequence number, type byte and body length (32-bit), all big-endian. Computed here with the JDK's
 * ciphers from the formula, not with {@link RecordCipher}, at sequence numbers and body lengths where every byte of
 * those fields matters (up to a body of 2^24 bytes, the largest frame). {@link RecordCipher#seal} returns the body
 * length, and after {@link RecordCipher#destroy} the key is zeros and the cipher seals and opens nothing.
 */
class RecordCipherFollowsTheDocumentedNonceAndAssociatedDataTest {

    private static final long SEQ = 0x0102030405060708L;

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void bodiesOfEverySizeAreTheFormulasAead(CipherSuite suite) throws Exception {
        SegmentCore core = core(suite);
        RecordCipher cipher = RecordCipher.forSegment(core, dataKey());
        byte[] key = cipher.currentKeyForTest();

        int[] bodyLengths = {LseFormat.TAG_LENGTH + 300, LseFormat.TAG_LENGTH + 70_000, LseFormat.MAX_FRAME_BODY};
        for (int i = 0; i < bodyLengths.length; i++) {
            // a nonce is never used twice under one key (the JDK refuses it): one sequence number per body
            long seq = SEQ + i;
            byte[] plain = new byte[bodyLengths[i] - LseFormat.TAG_LENGTH];
            new SecureRandom().nextBytes(plain);
            byte[] body = new byte[bodyLengths[i]];

            int written = cipher.seal(seq, FrameType.EPOCH, plain, plain.length, body, 0);

            assertThat(written).isEqualTo(bodyLengths[i]);
            assertThat(Arrays.equals(body, formula(suite, key, core, seq, FrameType.EPOCH, plain)))
                    .as("%s body of %d bytes", suite, bodyLengths[i]).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aDestroyedCipherHoldsNoKey(CipherSuite suite) throws Exception {
        RecordCipher cipher = RecordCipher.forSegment(core(suite), dataKey());
        byte[] body = new byte[LseFormat.TAG_LENGTH + 1];
        cipher.seal(1, FrameType.DATA, new byte[1], 1, body, 0);

        cipher.destroy();

        assertThat(cipher.currentKeyForTest()).containsOnly(0);
        assertThatThrownBy(() -> cipher.open(1, FrameType.DATA, body, 0, body.length))
                .isInstanceOf(IllegalStateException.class);
    }

    /** FORMAT.md's record AEAD with the JDK's cipher. */
    private static byte[] formula(CipherSuite suite, byte[] key, SegmentCore core, long seq, FrameType type,
                                  byte[] plain) throws Exception {
        byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(seq).array();
        int bodyLength = plain.length + 16;
        byte[] aad = ByteBuffer.allocate(32 + 8 + 1 + 4).put(DocumentFormulas.sha256(core.encode())).putLong(seq)
                .put((byte) type.id()).putInt(bodyLength).array();
        boolean gcm = suite == CipherSuite.AES_256_GCM;
        Cipher cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
        AlgorithmParameterSpec parameters = gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, gcm ? "AES" : "ChaCha20"), parameters);
        cipher.updateAAD(aad);
        return cipher.doFinal(plain);
    }

    private static SegmentCore core(CipherSuite suite) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return new SegmentCore(LseFormat.VERSION, suite, 0, id, 0, 0, new byte[16], new byte[32], 0, 0, 0, 0,
                new byte[8]);
    }

    private static byte[] dataKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
