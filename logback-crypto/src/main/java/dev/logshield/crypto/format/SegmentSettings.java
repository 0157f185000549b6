package dev.logshield.crypto.format;

/**
 * How new segments are written: record AEAD, key-ratchet period, batching flag, optional forward-secure sealing
 * and a listener for checkpoints (external anchors).
 *
 * @param suite          record AEAD
 * @param ratchetRecords DATA frames per key epoch, 0 for no count limit
 * @param ratchetSeconds seconds per key epoch, 0 for no time limit
 * @param batched        DATA frames may hold several events
 * @param seal           the host's evolving seal key, or null for unsealed segments
 * @param checkpoints    told about every checkpoint written, or null
 */
public record SegmentSettings(CipherSuite suite, int ratchetRecords, int ratchetSeconds, boolean batched,
                              SealKeySource seal, CheckpointListener checkpoints) {

    public SegmentSettings {
        if (suite == null) {
            throw new IllegalArgumentException("suite is required");
        }
        if (ratchetRecords < 0 || ratchetSeconds < 0) {
            throw new IllegalArgumentException("ratchet periods cannot be negative");
        }
    }

    /** Receives each checkpoint as it is written, e.g. to emit it to a remote appender as an anchor. */
    @FunctionalInterface
    public interface CheckpointListener {
        void onCheckpoint(SegmentCore core, Checkpoint checkpoint);
    }
}
