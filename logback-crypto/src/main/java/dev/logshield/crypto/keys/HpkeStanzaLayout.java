package dev.logshield.crypto.keys;

import java.nio.ByteBuffer;

/**
 * The body of a type 0x01 stanza (HPKE to an X25519 recipient), 94 bytes, integers big-endian:
 *
 * <pre>
 * offset size
 *   0     2   kem  = 0x0020 DHKEM(X25519, HKDF-SHA256)
 *   2     2   kdf  = 0x0001 HKDF-SHA256
 *   4     2   aead = 0x0002 AES-256-GCM
 *   6     8   kid  = KeyIds.forRecipient(pk)
 *  14    32   enc  (the ephemeral public key)
 *  46    48   ct   (the 32-byte data key sealed, with its 16-byte tag)
 * </pre>
 *
 * HPKE info = "lse/v1 dek" || segment id (16 bytes); aad is empty.
 */
final class HpkeStanzaLayout {

    static final int KEM = Hpke.KEM_X25519_HKDF_SHA256;
    static final int KDF = Hpke.KDF_HKDF_SHA256;
    static final int AEAD = Hpke.AEAD_AES_256_GCM;
    static final int KID_OFFSET = 6;
    static final int ENC_OFFSET = KID_OFFSET + KeyIds.LENGTH;
    static final int CT_OFFSET = ENC_OFFSET + X25519.KEY_LENGTH;
    static final int CT_LENGTH = DataKeys.LENGTH + Hpke.TAG_LENGTH;
    static final int LENGTH = CT_OFFSET + CT_LENGTH;

    private static final byte[] INFO_PREFIX = HpkeLabels.ascii("lse/v1 dek");
    private static final byte[] EMPTY = new byte[0];

    private HpkeStanzaLayout() {
    }

    static byte[] info(byte[] segmentId) {
        return HpkeLabels.concat(INFO_PREFIX, segmentId);
    }

    static byte[] aad() {
        return EMPTY;
    }

    static byte[] encode(byte[] kid, byte[] enc, byte[] ct) {
        return ByteBuffer.allocate(LENGTH).putShort((short) KEM).putShort((short) KDF).putShort((short) AEAD)
                .put(kid).put(enc).put(ct).array();
    }

    static int u16(byte[] body, int offset) {
        return ((body[offset] & 0xFF) << 8) | (body[offset + 1] & 0xFF);
    }
}
