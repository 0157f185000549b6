package dev.logshield.crypto.testing;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.KeyBlock;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.RecordCipher;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.verify.SealVerifier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The record key of one segment of a {@link SegmentBytes}, recovered from its key block with a reader's key: opens
 * its encrypted frames and forges new ones that authenticate. What only the holder of the record key (a reader, or
 * a writer with a bug) can do: for tests of the checks that come after authentication (a FINAL that states the
 * wrong count, an EPOCH record that announces the wrong epoch, a DATA record dated outside its seal epochs).
 */
public final class SegmentRecordKey {

    /** Where a frame was when the key was recovered: its sequence number and key epoch then (bound into its AEAD). */
    private record Place(int seq, int epoch) {
    }

    private final SegmentBytes segment;
    private final SegmentCore core;
    private final byte[] dataKey;
    private final Map<byte[], Place> written = new IdentityHashMap<>();

    private SegmentRecordKey(SegmentBytes segment, SegmentCore core, byte[] dataKey) {
        this.segment = segment;
        this.core = core;
        this.dataKey = dataKey;
        for (int seq = 0; seq < segment.frameCount(); seq++) {
            written.put(segment.frames().get(seq), new Place(seq, epochAt(seq)));
        }
    }

    /** The record key of {@code segment}, unwrapped with {@code key} (one of its readers). */
    public static SegmentRecordKey of(SegmentBytes segment, DataKeyUnwrapper key) throws Exception {
        SegmentCore core = SegmentCore.decode(segment.core());
        byte[] header = segment.header();
        KeyBlock keyBlock = KeyBlock.decode(Arrays.copyOfRange(header, LseFormat.CORE_LENGTH + 4, header.length));
        byte[] dataKey = key.unwrap(keyBlock.stanzas(), core.segmentId())
                .orElseThrow(() -> new IllegalArgumentException(key.describe() + " is not a reader of the segment"));
        return new SegmentRecordKey(segment, core, dataKey);
    }

    /**
     * The plaintext of encrypted frame {@code seq} as the segment now holds it; a frame that was moved (frames
     * removed or inserted before it) opens under the sequence number and key epoch it was written with.
     */
    public byte[] open(int seq) throws Exception {
        byte[] body = segment.body(seq);
        Place place = written.getOrDefault(segment.frames().get(seq), new Place(seq, epochAt(seq)));
        return cipher(place.epoch()).open(place.seq(), segment.type(seq), body, 0, body.length);
    }

    /**
     * A frame of {@code type} holding {@code plain}, sealed as frame {@code seq} under the key epoch that frame has
     * in the segment as it now is.
     */
    public byte[] frame(int seq, FrameType type, byte[] plain) {
        byte[] body = new byte[plain.length + LseFormat.TAG_LENGTH];
        cipher(epochAt(seq)).seal(seq, type, plain, plain.length, body, 0);
        return SegmentBytes.frameOf(type, body);
    }

    /** Replaces frame {@code seq} with one of the same type holding {@code plain}. */
    public void replace(int seq, byte[] plain) {
        segment.frames().set(seq, frame(seq, segment.type(seq), plain));
    }

    /**
     * Rewrites every checkpoint and the FINAL frame from frame {@code from} on so that they state the segment as it
     * now is (sequence number, digest of the frames before them, frame count), as a forger holding every key would:
     * checkpoints re-tagged with {@code seal}'s key of their epoch (tags kept when null), FINAL re-sealed with the
     * record key (its close reason kept).
     */
    public void restateFrom(int from, SealVerifier seal) throws Exception {
        byte[] segmentId = core.segmentId();
        for (int seq = from; seq < segment.frameCount(); seq++) {
            if (segment.type(seq) == FrameType.CHECKPOINT) {
                Checkpoint old = Checkpoint.decode(core.version(), segment.body(seq));
                Checkpoint restated = new Checkpoint(old.version(), old.epoch(), old.timeMs(), seq, old.closing(),
                        old.closing() ? seq + 2 : 0, segment.digestBefore(seq), old.tag());
                if (seal != null) {
                    restated = restated.tagged(seal.keyAt(old.epoch()), segmentId);
                }
                segment.frames().set(seq, SegmentBytes.frameOf(FrameType.CHECKPOINT, restated.encode()));
            } else if (segment.type(seq) == FrameType.FINAL) {
                byte[] plain = open(seq);
                ByteBuffer.wrap(plain).putLong(0, seq).put(8, segment.digestBefore(seq));
                replace(seq, plain);
            }
        }
    }

    /** The plaintext of a DATA record: sealed-at time, event count, payload. */
    public static byte[] dataPlaintext(long sealedMs, int events, byte[] payload) {
        return ByteBuffer.allocate(LseFormat.DATA_PREFIX_LENGTH + payload.length).putLong(sealedMs).putInt(events)
                .put(payload).array();
    }

    /** The key epoch of frame {@code seq} in the segment as it now is: one ratchet per EPOCH frame before it. */
    private int epochAt(int seq) {
        int epoch = 0;
        for (int i = 0; i < seq; i++) {
            if (segment.type(i) == FrameType.EPOCH) {
                epoch++;
            }
        }
        return epoch;
    }

    private RecordCipher cipher(int epoch) {
        RecordCipher cipher = RecordCipher.forSegment(core, dataKey);
        for (int i = 0; i < epoch; i++) {
            cipher.ratchet();
        }
        return cipher;
    }
}
