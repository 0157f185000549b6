package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.Hkdf;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * A forward-secure checkpoint frame (clear text, 88 bytes): seal epoch, time, the frame's own sequence number,
 * the digest of the core and every frame before it, and an HMAC under the epoch's seal key. An auditor holding
 * the initial seal key verifies it without being able to read the logs; a host compromised later holds only
 * later seal keys and cannot forge it.
 */
public record Checkpoint(long epoch, long timeMs, long seq, byte[] digest, byte[] tag) {

    public static final int LENGTH = 8 + 8 + 8 + LseFormat.DIGEST_LENGTH + 32;

    public Checkpoint {
        digest = digest.clone();
        tag = tag.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] tag() {
        return tag.clone();
    }

    /** A checkpoint tagged with {@code sealKey} (the key of {@code epoch}). */
    public static Checkpoint create(byte[] sealKey, byte[] segmentId, long epoch, long timeMs, long seq, byte[] digest) {
        return new Checkpoint(epoch, timeMs, seq, digest, tag(sealKey, segmentId, epoch, timeMs, seq, digest));
    }

    /** HMAC-SHA256(S_t, "lse/v1 checkpoint" || segment id || t || time || seq || digest). */
    public static byte[] tag(byte[] sealKey, byte[] segmentId, long epoch, long timeMs, long seq, byte[] digest) {
        ByteBuffer fields = ByteBuffer.allocate(24);
        fields.putLong(epoch).putLong(timeMs).putLong(seq);
        return Hkdf.hmac(sealKey, LseFormat.LABEL_CHECKPOINT, segmentId, fields.array(), digest);
    }

    /** True when the tag verifies under {@code sealKey}. */
    public boolean verifies(byte[] sealKey, byte[] segmentId) {
        return MessageDigest.isEqual(tag, tag(sealKey, segmentId, epoch, timeMs, seq, digest));
    }

    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH).putLong(epoch).putLong(timeMs).putLong(seq).put(digest).put(tag).array();
    }

    public static Checkpoint decode(byte[] body) throws FormatException {
        if (body.length != LENGTH) {
            throw new FormatException("checkpoint body is " + body.length + " bytes, expected " + LENGTH);
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        long epoch = in.getLong();
        long time = in.getLong();
        long seq = in.getLong();
        byte[] digest = new byte[LseFormat.DIGEST_LENGTH];
        in.get(digest);
        byte[] tag = new byte[32];
        in.get(tag);
        return new Checkpoint(epoch, time, seq, digest, tag);
    }
}
