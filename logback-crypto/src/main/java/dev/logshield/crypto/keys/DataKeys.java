package dev.logshield.crypto.keys;

/** The sizes every wrapper and unwrapper checks: a data key is 32 bytes, a segment id 16. */
final class DataKeys {

    /** Length of a segment's data key, in bytes. */
    static final int LENGTH = 32;
    /** Length of a segment id, in bytes. */
    static final int SEGMENT_ID_LENGTH = 16;

    private DataKeys() {
    }

    static void check(byte[] dataKey, byte[] segmentId) {
        if (dataKey == null || dataKey.length != LENGTH) {
            throw new IllegalArgumentException("a data key is " + LENGTH + " bytes, not "
                    + (dataKey == null ? "null" : dataKey.length));
        }
        checkSegmentId(segmentId);
    }

    static void checkSegmentId(byte[] segmentId) {
        if (segmentId == null || segmentId.length != SEGMENT_ID_LENGTH) {
            throw new IllegalArgumentException("a segment id is " + SEGMENT_ID_LENGTH + " bytes, not "
                    + (segmentId == null ? "null" : segmentId.length));
        }
    }
}
