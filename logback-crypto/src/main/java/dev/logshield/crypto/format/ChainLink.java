package dev.logshield.crypto.format;

/**
 * What a new segment records about its predecessor: its series index + 1, its id and its digest through its last
 * complete frame. Computable without keys, from memory at rollover or by scanning the old file after a crash.
 */
public record ChainLink(long seriesIndex, byte[] previousSegmentId, byte[] previousDigest) {

    /** The link of a segment that starts a new series. */
    public static ChainLink seriesStart() {
        return new ChainLink(0, new byte[LseFormat.SEGMENT_ID_LENGTH], new byte[LseFormat.DIGEST_LENGTH]);
    }

    public ChainLink {
        previousSegmentId = previousSegmentId.clone();
        previousDigest = previousDigest.clone();
    }

    @Override
    public byte[] previousSegmentId() {
        return previousSegmentId.clone();
    }

    @Override
    public byte[] previousDigest() {
        return previousDigest.clone();
    }
}
