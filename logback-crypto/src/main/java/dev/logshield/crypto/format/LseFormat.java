package dev.logshield.crypto.format;

import java.nio.charset.StandardCharsets;

/** The fixed numbers and labels of LSE format version 1 (specified in FORMAT.md). */
public final class LseFormat {

    /** File signature: a non-ASCII first byte, "LSE", then CR LF SUB LF so text-mode mangling is detected. */
    static final byte[] MAGIC = {(byte) 0x89, 'L', 'S', 'E', 0x0D, 0x0A, 0x1A, 0x0A};
    public static final int VERSION = 1;
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

    /** Core flag: the segment carries forward-secure checkpoints. */
    public static final int FLAG_SEALED = 1;
    /** Core flag: DATA frames may carry several events (informational). */
    public static final int FLAG_BATCHED = 1 << 1;
    static final int KNOWN_FLAGS = FLAG_SEALED | FLAG_BATCHED;

    static final byte[] LABEL_HEADER = ascii("lse/v1 header");
    static final byte[] LABEL_RECORD = ascii("lse/v1 record");
    static final byte[] LABEL_RATCHET = ascii("lse/v1 ratchet");
    static final byte[] LABEL_CHECKPOINT = ascii("lse/v1 checkpoint");

    private LseFormat() {
    }

    /** The file signature (a copy). */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
