package dev.logshield.crypto.format;

/**
 * The frame types of the LSE format, the same in versions 1 and 2 (type byte 0 is reserved so that zero-filled
 * tails are recognised).
 */
public enum FrameType {
    /** Application events: sealed-at time, event count, then the inner encoder's bytes. Encrypted. */
    DATA(0x01, true),
    /** Segment metadata (host, application, encoder): always frame 0. Encrypted. */
    META(0x02, true),
    /** Announces that the record key ratchets forward after this frame. Encrypted. */
    EPOCH(0x03, true),
    /** Forward-secure checkpoint: digest of everything before it, MACed with the seal key. Clear text. */
    CHECKPOINT(0x04, false),
    /** Clean close: frame count and digest. Encrypted. Its absence means a crash or a truncation. */
    FINAL(0x05, true);

    private final int id;
    private final boolean encrypted;

    FrameType(int id, boolean encrypted) {
        this.id = id;
        this.encrypted = encrypted;
    }

    public int id() {
        return id;
    }

    public boolean encrypted() {
        return encrypted;
    }

    /** The type with this id byte, or null for reserved and unknown bytes. */
    public static FrameType byId(int id) {
        for (FrameType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }
}
