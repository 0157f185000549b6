package dev.logshield.crypto.format;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The 128-byte clear-text header every segment starts with. Every record's associated data and every digest
 * bind it, so any change to it (suite, flags, series links) is detected; key material lives in the separate
 * key block so that {@code logcrypt rewrap} can replace recipients without touching records.
 *
 * @param version            format version: {@link LseFormat#VERSION} when writing, any readable version when read
 *                           (checkpoints and closure rules depend on it; see FORMAT.md)
 * @param suite              record AEAD
 * @param flags              {@link LseFormat#FLAG_SEALED}, {@link LseFormat#FLAG_BATCHED}
 * @param segmentId          16 random bytes
 * @param createdMs          wall-clock creation time (informational)
 * @param seriesIndex        position in the appender's rotation series, +1 per segment
 * @param previousSegmentId  the predecessor's id, or zeros at the start of a series
 * @param previousDigest     the predecessor's digest through its last complete frame, or zeros
 * @param ratchetRecords     frames per key epoch (0: no count limit)
 * @param ratchetSeconds     seconds per key epoch (0: no time limit)
 * @param sealOriginMs       origin of the checkpoint epochs (sealed segments), else 0
 * @param sealIntervalSeconds length of a checkpoint epoch (sealed segments), else 0
 * @param sealChainId         id of the seal key chain (sealed segments, 8 bytes), else zeros
 */
public record SegmentCore(int version, CipherSuite suite, int flags, byte[] segmentId, long createdMs, long seriesIndex,
                          byte[] previousSegmentId, byte[] previousDigest, int ratchetRecords, int ratchetSeconds,
                          long sealOriginMs, int sealIntervalSeconds, byte[] sealChainId) {

    /** Length of the seal chain id. */
    public static final int SEAL_CHAIN_ID_LENGTH = 8;


    public SegmentCore {
        if (!LseFormat.readable(version)) {
            throw new IllegalArgumentException("unsupported LSE version " + version);
        }
        requireLength(segmentId, LseFormat.SEGMENT_ID_LENGTH, "segmentId");
        requireLength(previousSegmentId, LseFormat.SEGMENT_ID_LENGTH, "previousSegmentId");
        requireLength(previousDigest, LseFormat.DIGEST_LENGTH, "previousDigest");
        requireLength(sealChainId, SEAL_CHAIN_ID_LENGTH, "sealChainId");
        sealChainId = sealChainId.clone();
        segmentId = segmentId.clone();
        previousSegmentId = previousSegmentId.clone();
        previousDigest = previousDigest.clone();
    }

    public boolean sealed() {
        return (flags & LseFormat.FLAG_SEALED) != 0;
    }

    /** True for the first segment of a series (no predecessor). */
    public boolean startsSeries() {
        return isZero(previousSegmentId) && isZero(previousDigest);
    }

    @Override
    public byte[] segmentId() {
        return segmentId.clone();
    }

    @Override
    public byte[] previousSegmentId() {
        return previousSegmentId.clone();
    }

    @Override
    public byte[] previousDigest() {
        return previousDigest.clone();
    }

    @Override
    public byte[] sealChainId() {
        return sealChainId.clone();
    }

    /** The 128 bytes of this core. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(LseFormat.CORE_LENGTH);
        out.put(LseFormat.MAGIC);
        out.put((byte) version);
        out.put((byte) suite.id());
        out.putShort((short) flags);
        out.put(segmentId);
        out.putLong(createdMs);
        out.putLong(seriesIndex);
        out.put(previousSegmentId);
        out.put(previousDigest);
        out.putInt(ratchetRecords);
        out.putInt(ratchetSeconds);
        out.putLong(sealOriginMs);
        out.putInt(sealIntervalSeconds);
        out.put(sealChainId);
        // 8 reserved zero bytes remain
        return out.array();
    }

    /** SHA-256 of {@link #encode()}: the header digest bound into every record's associated data. */
    public byte[] digest() {
        return sha256().digest(encode());
    }

    /** True when {@code bytes} at {@code offset} start with the LSE signature. */
    public static boolean startsWithMagic(byte[] bytes, int offset) {
        if (bytes.length - offset < LseFormat.MAGIC.length) {
            return false;
        }
        for (int i = 0; i < LseFormat.MAGIC.length; i++) {
            if (bytes[offset + i] != LseFormat.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses and validates a core; a {@link FormatException} says exactly what is wrong. */
    public static SegmentCore decode(byte[] bytes) throws FormatException {
        if (bytes.length != LseFormat.CORE_LENGTH) {
            throw new FormatException("segment header is " + bytes.length + " bytes, expected " + LseFormat.CORE_LENGTH);
        }
        if (!startsWithMagic(bytes, 0)) {
            throw new FormatException("not an LSE segment (bad signature)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(LseFormat.MAGIC.length);
        int version = in.get() & 0xFF;
        if (!LseFormat.readable(version)) {
            throw new FormatException(unsupportedVersion(version));
        }
        int suiteId = in.get() & 0xFF;
        CipherSuite suite = CipherSuite.byId(suiteId);
        if (suite == null) {
            throw new FormatException("unknown cipher suite 0x" + Integer.toHexString(suiteId));
        }
        int flags = in.getShort() & 0xFFFF;
        if ((flags & ~LseFormat.KNOWN_FLAGS) != 0) {
            throw new FormatException("unknown header flags 0x" + Integer.toHexString(flags));
        }
        byte[] id = take(in, LseFormat.SEGMENT_ID_LENGTH);
        long created = in.getLong();
        long index = in.getLong();
        byte[] prevId = take(in, LseFormat.SEGMENT_ID_LENGTH);
        byte[] prevDigest = take(in, LseFormat.DIGEST_LENGTH);
        int ratchetRecords = in.getInt();
        int ratchetSeconds = in.getInt();
        long origin = in.getLong();
        int interval = in.getInt();
        byte[] chainId = take(in, SEAL_CHAIN_ID_LENGTH);
        byte[] reserved = take(in, 8);
        if (!isZero(reserved)) {
            throw new FormatException("reserved header bytes are not zero");
        }
        if (index < 0 || ratchetRecords < 0 || ratchetSeconds < 0 || interval < 0) {
            throw new FormatException("negative header field");
        }
        boolean sealed = (flags & LseFormat.FLAG_SEALED) != 0;
        if (sealed && interval == 0) {
            throw new FormatException("sealed segment without a seal interval");
        }
        if (!sealed && (origin != 0 || interval != 0 || !isZero(chainId))) {
            throw new FormatException("seal parameters on a segment that is not sealed");
        }
        return new SegmentCore(version, suite, flags, id, created, index, prevId, prevDigest, ratchetRecords, ratchetSeconds,
                origin, interval, chainId);
    }

    /**
     * The format version of {@code bytes} when they start with the signature and name a version this reader does
     * not read (a newer writer's file), else -1.
     */
    public static int unsupportedVersionOf(byte[] bytes) {
        if (bytes.length <= LseFormat.MAGIC.length || !startsWithMagic(bytes, 0)) {
            return -1;
        }
        int version = bytes[LseFormat.MAGIC.length] & 0xFF;
        return LseFormat.readable(version) ? -1 : version;
    }

    /** The message for a segment of a version this reader does not read. */
    public static String unsupportedVersion(int version) {
        return "unsupported LSE version " + version + " (this reader reads versions " + LseFormat.readableVersions()
                + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentCore other && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segmentId);
    }

    @Override
    public String toString() {
        return "SegmentCore[v" + version + ", " + Hex.of(segmentId) + ", series " + seriesIndex + ", " + suite.displayName() + "]";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }

    static boolean isZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static void requireLength(byte[] bytes, int length, String name) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes");
        }
    }
}
