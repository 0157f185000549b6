package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.Hkdf;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * Seals and opens the encrypted frames of one segment: AEAD under the current epoch's record key, nonce =
 * 4 zero bytes and the frame's 64-bit sequence number, associated data = SHA-256(core), sequence number,
 * type and body length. The key ratchets forward one way; the previous key's bytes are erased.
 * Not thread-safe: one per segment, used under the writer's lock.
 */
public final class RecordCipher {

    private final CipherSuite suite;
    private final byte[] coreDigest;
    private final Cipher cipher;
    private final byte[] nonce = new byte[LseFormat.NONCE_LENGTH];
    private final byte[] aad = new byte[LseFormat.DIGEST_LENGTH + 8 + 1 + 4];
    private byte[] key;
    private ErasableKey keySpec;
    private long epoch;

    private RecordCipher(CipherSuite suite, byte[] coreDigest, byte[] firstKey) {
        this.suite = suite;
        this.coreDigest = coreDigest.clone();
        System.arraycopy(this.coreDigest, 0, aad, 0, LseFormat.DIGEST_LENGTH);
        try {
            this.cipher = Cipher.getInstance(suite.transformation());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(suite.displayName() + " is not available in this JVM", e);
        }
        useKey(firstKey);
    }

    /** The cipher for a segment at epoch 0, its key derived from the segment's data key. */
    public static RecordCipher forSegment(SegmentCore core, byte[] dataKey) {
        byte[] info = Arrays.copyOf(LseFormat.LABEL_RECORD, LseFormat.LABEL_RECORD.length + 1);
        info[info.length - 1] = (byte) core.suite().id();
        return new RecordCipher(core.suite(), core.digest(), Hkdf.derive(dataKey, core.segmentId(), info, 32));
    }

    /** Current key epoch (0 at the start of a segment). */
    public long epoch() {
        return epoch;
    }

    /** Moves to the next epoch's key, K_{e+1} = HKDF-Expand(K_e, "lse/v1 ratchet"), and erases K_e. */
    public void ratchet() {
        byte[] next = Hkdf.expand(key, LseFormat.LABEL_RATCHET, 32);
        useKey(next);
        epoch++;
    }

    /** A copy of the current record key: for tests that prove earlier keys are gone. */
    byte[] currentKeyForTest() {
        return key.clone();
    }

    /**
     * Encrypts {@code pt[0..ptLength)} into {@code out} at {@code outOffset}; returns the body length
     * ({@code ptLength} + 16).
     */
    public int seal(long seq, FrameType type, byte[] pt, int ptLength, byte[] out, int outOffset) {
        int bodyLength = ptLength + LseFormat.TAG_LENGTH;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, keySpec, parameters(seq));
            cipher.updateAAD(aad(seq, type, bodyLength));
            return cipher.doFinal(pt, 0, ptLength, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("record encryption failed", e);
        }
    }

    /** Decrypts and authenticates a body; throws when the tag does not verify. */
    public byte[] open(long seq, FrameType type, byte[] body, int offset, int length) throws GeneralSecurityException {
        if (length < LseFormat.TAG_LENGTH) {
            throw new javax.crypto.AEADBadTagException("body shorter than a tag");
        }
        cipher.init(Cipher.DECRYPT_MODE, keySpec, parameters(seq));
        cipher.updateAAD(aad(seq, type, length));
        return cipher.doFinal(body, offset, length);
    }

    /** Erases the current key. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        keySpec.destroy();
    }

    private void useKey(byte[] next) {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            keySpec.destroy();
        }
        key = next;
        keySpec = new ErasableKey(key, suite.keyAlgorithm());
    }

    private AlgorithmParameterSpec parameters(long seq) {
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (seq >>> (56 - 8 * i));
        }
        return suite == CipherSuite.AES_256_GCM
                ? new GCMParameterSpec(LseFormat.TAG_LENGTH * 8, nonce)
                : new IvParameterSpec(nonce);
    }

    private byte[] aad(long seq, FrameType type, int bodyLength) {
        int p = LseFormat.DIGEST_LENGTH;
        for (int i = 0; i < 8; i++) {
            aad[p++] = (byte) (seq >>> (56 - 8 * i));
        }
        aad[p++] = (byte) type.id();
        aad[p++] = (byte) (bodyLength >>> 24);
        aad[p++] = (byte) (bodyLength >>> 16);
        aad[p++] = (byte) (bodyLength >>> 8);
        aad[p] = (byte) bodyLength;
        return aad;
    }
}
