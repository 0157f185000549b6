package dev.logshield.crypto.format;

import java.nio.charset.StandardCharsets;

/**
 * The fixed numbers and labels of the LSE format (specified in FORMAT.md): the version the writer writes, the
 * versions readers accept, sizes, limits and the labels of the key derivations and MACs.
 */
public final class LseFormat {

    /** File signature: a non-ASCII first byte, "LSE", then CR LF SUB LF so text-mode mangling is detected. */
    static final byte[] MAGIC = {(byte) 0x89, 'L', 'S', 'E', 0x0D, 0x0A, 0x1A, 0x0A};
    /** The format version the writer writes. */
    public static final int VERSION = 2;
    /** The oldest format version readers accept; every version from it to {@link #VERSION} is read. */
    public static final int OLDEST_READABLE_VERSION = 1;
    /** The newest format version readers accept (a reader may know a version before its writer writes it). */
    public static final int NEWEST_READABLE_VERSION = 2;
    public static final int CORE_LENGTH = 128;
    public static final int FRAME_HEADER_LENGTH = 5;
    public static final int TAG_LENGTH = 16;
    public static final int NONCE_LENGTH = 12;
    public static final int SEGMENT_ID_LENGTH = 16;
    public static final int DIGEST_LENGTH = 32;
    public static final int DATA_KEY_LENGTH = 32;
    /** Largest frame body: a corrupted length can never make a reader allocate more. */
    public static final int MAX_FRAME_BODY = 16 * 1024 * 1024;
    /** Largest key block (after its own length field). */
    public static final int MAX_KEY_BLOCK = 64 * 1024;
    /** Plaintext prefix of a DATA frame: sealed-at time (8) and event count (4). */
    public static final int DATA_PREFIX_LENGTH = 12;
    /** Largest payload one DATA frame carries. */
    public static final int MAX_DATA_PAYLOAD = MAX_FRAME_BODY - DATA_PREFIX_LENGTH - TAG_LENGTH;
    /**
     * Most seal epochs a writer advances at once (one HMAC-SHA256 per epoch, about 0.1 s in all) and how far ahead
     * of the verification time a verifier derives a checkpoint's key: a clock further ahead is taken as wrong
     * (FORMAT.md 9.3, 13.2).
     */
    public static final long MAX_SEAL_ADVANCE_EPOCHS = 100_000;

    /** Core flag: the segment carries forward-secure checkpoints. */
    public static final int FLAG_SEALED = 1;
    /** Core flag: DATA frames may carry several events (informational). */
    public static final int FLAG_BATCHED = 1 << 1;
    static final int KNOWN_FLAGS = FLAG_SEALED | FLAG_BATCHED;

    static final byte[] LABEL_HEADER = ascii("lse/v1 header");
    static final byte[] LABEL_RECORD = ascii("lse/v1 record");
    static final byte[] LABEL_RATCHET = ascii("lse/v1 ratchet");
    static final byte[] LABEL_CHECKPOINT_V1 = ascii("lse/v1 checkpoint");
    /** Version 2 checkpoints carry the closing fields under their own label: a v1 tag never verifies as v2. */
    static final byte[] LABEL_CHECKPOINT_V2 = ascii("lse/v2 checkpoint");

    private LseFormat() {
    }

    /** True when readers of this library accept format {@code version}. */
    public static boolean readable(int version) {
        return version >= OLDEST_READABLE_VERSION && version <= NEWEST_READABLE_VERSION;
    }

    /** The readable versions, for messages: "1 and 2" or "1 to 3". */
    public static String readableVersions() {
        int span = NEWEST_READABLE_VERSION - OLDEST_READABLE_VERSION;
        return span == 0 ? Integer.toString(OLDEST_READABLE_VERSION)
                : OLDEST_READABLE_VERSION + (span == 1 ? " and " : " to ") + NEWEST_READABLE_VERSION;
    }

    /** The file signature (a copy). */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
