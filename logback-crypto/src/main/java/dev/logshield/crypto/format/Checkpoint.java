package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.Hkdf;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * A forward-secure checkpoint frame (clear text): seal epoch, time, the frame's own sequence number, the digest of
 * the core and every frame before it, and an HMAC under the epoch's seal key. An auditor holding the initial seal
 * key verifies it without being able to read the logs; a host compromised later holds only later seal keys and
 * cannot forge it.
 *
 * <p>Version 1 bodies are 88 bytes. Version 2 bodies (97 bytes) add, under the tag, whether the checkpoint closes
 * the segment and the segment's total frame count, so that the auditor can prove a segment closed without the key
 * that decrypts its FINAL frame. Every body is the fields, then the tag over a version label, the segment id and
 * the fields (FORMAT.md 9.2).
 *
 * @param version    format version of the segment (1 or 2): decides the layout and the tag's label
 * @param closing    version 2: the checkpoint closes the segment (FINAL follows it); always false in version 1
 * @param frameCount version 2, closing: the segment's total number of frames ({@code seq + 2}); 0 otherwise
 */
public record Checkpoint(int version, long epoch, long timeMs, long seq, boolean closing, long frameCount,
                         byte[] digest, byte[] tag) {

    /** Length of the HMAC-SHA256 tag that ends every checkpoint body. */
    public static final int TAG_LENGTH = 32;
    /** Body length of a version 1 checkpoint. */
    public static final int LENGTH_V1 = 8 + 8 + 8 + LseFormat.DIGEST_LENGTH + TAG_LENGTH;
    /** Body length of a version 2 checkpoint: {@link #LENGTH_V1} plus the kind byte and the frame count. */
    public static final int LENGTH_V2 = LENGTH_V1 + 1 + 8;

    private static final int KIND_RUNNING = 0;
    private static final int KIND_CLOSING = 1;

    public Checkpoint {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("no checkpoint layout for LSE version " + version);
        }
        if (version == 1 && (closing || frameCount != 0)) {
            throw new IllegalArgumentException("version 1 checkpoints cannot close a segment");
        }
        if (digest.length != LseFormat.DIGEST_LENGTH || tag.length != TAG_LENGTH) {
            throw new IllegalArgumentException("a checkpoint digest and tag are 32 bytes each");
        }
        digest = digest.clone();
        tag = tag.clone();
    }

    /** An untagged checkpoint of the version the writer writes, that does not close its segment. */
    public static Checkpoint running(long epoch, long timeMs, long seq, byte[] digest) {
        return new Checkpoint(LseFormat.VERSION, epoch, timeMs, seq, false, 0, digest, new byte[TAG_LENGTH]);
    }

    /**
     * An untagged closing checkpoint (version 2 and later): the segment ends with it and the FINAL frame right after
     * it, so it has {@code seq + 2} frames.
     */
    public static Checkpoint closing(long epoch, long timeMs, long seq, byte[] digest) {
        return new Checkpoint(LseFormat.VERSION, epoch, timeMs, seq, true, seq + 2, digest, new byte[TAG_LENGTH]);
    }

    /** The body length of a checkpoint of format {@code version}. */
    public static int length(int version) {
        return version == 1 ? LENGTH_V1 : LENGTH_V2;
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] tag() {
        return tag.clone();
    }

    /** This checkpoint with its tag computed under {@code sealKey} (the key of its epoch). */
    public Checkpoint tagged(byte[] sealKey, byte[] segmentId) {
        return new Checkpoint(version, epoch, timeMs, seq, closing, frameCount, digest, expectedTag(sealKey, segmentId));
    }

    /** True when the tag verifies under {@code sealKey}. */
    public boolean verifies(byte[] sealKey, byte[] segmentId) {
        return MessageDigest.isEqual(tag, expectedTag(sealKey, segmentId));
    }

    /** HMAC-SHA256(S_t, label || segment id || the body's fields), the label naming the version. */
    private byte[] expectedTag(byte[] sealKey, byte[] segmentId) {
        byte[] label = version == 1 ? LseFormat.LABEL_CHECKPOINT_V1 : LseFormat.LABEL_CHECKPOINT_V2;
        return Hkdf.hmac(sealKey, label, segmentId, fields());
    }

    public byte[] encode() {
        return ByteBuffer.allocate(length(version)).put(fields()).put(tag).array();
    }

    /** The body without its tag: what the tag covers after the label and the segment id. */
    private byte[] fields() {
        ByteBuffer out = ByteBuffer.allocate(length(version) - TAG_LENGTH);
        out.putLong(epoch).putLong(timeMs).putLong(seq);
        if (version >= 2) {
            out.put((byte) (closing ? KIND_CLOSING : KIND_RUNNING)).putLong(frameCount);
        }
        return out.put(digest).array();
    }

    /**
     * Parses the body of a checkpoint in a segment of format {@code version}; the length is checked before anything
     * is read.
     */
    public static Checkpoint decode(int version, byte[] body) throws FormatException {
        int expected = length(version);
        if (body.length != expected) {
            throw new FormatException("checkpoint body is " + body.length + " bytes, expected " + expected
                    + " (version " + version + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        long epoch = in.getLong();
        long time = in.getLong();
        long seq = in.getLong();
        boolean closing = false;
        long frameCount = 0;
        if (version >= 2) {
            int kind = in.get() & 0xFF;
            frameCount = in.getLong();
            if (kind != KIND_RUNNING && kind != KIND_CLOSING) {
                throw new FormatException("checkpoint kind " + kind + " is neither running (0) nor closing (1)");
            }
            closing = kind == KIND_CLOSING;
            if (!closing && frameCount != 0) {
                throw new FormatException("running checkpoint states a frame count (" + Long.toUnsignedString(frameCount)
                        + "); only a closing one does");
            }
        }
        byte[] digest = new byte[LseFormat.DIGEST_LENGTH];
        in.get(digest);
        byte[] tag = new byte[TAG_LENGTH];
        in.get(tag);
        return new Checkpoint(version, epoch, time, seq, closing, frameCount, digest, tag);
    }
}
