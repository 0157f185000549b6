package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.SegmentRecordKey;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint's time lies in the epoch it names, from the epoch's first millisecond (the chain's origin for epoch
 * 0) to its last; a time before the origin lies in no epoch. Outside is TAMPERED, and a checkpoint that fails this
 * or its tag is not the baseline the next checkpoint is compared with: the closing checkpoint (frame 7, epoch 1)
 * reports no epochs going back, but judges the records of epoch 0 the failed checkpoint should have sealed, which
 * lie outside its epoch (so the closure is not proven either). The running
 * checkpoint (frame 4, epoch 0) of the small sealed segment is replaced by one re-tagged with the real seal key of
 * the epoch it names, the frames after it re-stated, so that only the rule under test can fail.
 */
class CheckpointTimeMustLieInItsEpochTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH_MS = SegmentFixture.EPOCH_MS;
    private static final int RUNNING_CHECKPOINT = 4;
    private static final int CLOSING_CHECKPOINT = 7;
    private static final int FINAL = 8;

    @TempDir
    Path dir;

    @Test
    void theFirstMillisecondOfTheChainIsInEpochZero() throws Exception {
        Verified verified = verify(replaced(0, T0, 0));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void theLastMillisecondOfAnEpochIsInIt() throws Exception {
        Verified verified = verify(replaced(0, T0 + EPOCH_MS - 1, 0));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void aTimeBeforeTheOriginIsInNoEpoch() throws Exception {
        Verified verified = verify(replaced(0, T0 - 1, 0));

        assertOnly(verified, "checkpoint time lies outside its epoch 0");
    }

    @Test
    void theFirstMillisecondOfTheNextEpochIsOutside() throws Exception {
        Verified verified = verify(replaced(0, T0 + EPOCH_MS, 0));

        assertOnly(verified, "checkpoint time lies outside its epoch 0");
    }

    @Test
    void aLaterEpochWithATimeOutsideItIsNoBaseline() throws Exception {
        Verified verified = verify(replaced(3, T0 + 2 * EPOCH_MS + 1, 3));

        assertOnly(verified, "checkpoint time lies outside its epoch 3");
    }

    @Test
    void aLaterEpochWithAForgedTagIsNoBaseline() throws Exception {
        Verified verified = verify(replaced(3, T0 + 3 * EPOCH_MS + 1, 0));

        assertOnly(verified, "checkpoint for epoch 3 is not sealed with that epoch's key");
    }

    /**
     * TAMPERED at the replaced checkpoint only for {@code message}; then, as it is no baseline, the records before it
     * judged at the closing checkpoint, and the closure not proven: nothing else.
     */
    private static void assertOnly(Verified verified, String message) {
        assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT, message);
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, "records dated outside seal epoch 1"
                + " of the checkpoint that seals them (old records re-sealed with a later key)");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL, "sealed segment closes without a valid closing"
                + " checkpoint");
        assertThat(verified.report().findings()).as(verified.describe()).hasSize(3);
    }

    /**
     * The small sealed segment with its running checkpoint replaced by one naming {@code epoch} at {@code timeMs},
     * tagged with the seal key of epoch {@code keyEpoch}.
     */
    private static SegmentBytes replaced(long epoch, long timeMs, long keyEpoch) throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint checkpoint = Checkpoint.running(epoch, timeMs, RUNNING_CHECKPOINT,
                segment.digestBefore(RUNNING_CHECKPOINT))
                .tagged(SegmentFixture.sealVerifier().keyAt(keyEpoch), core.segmentId());
        segment.frames().set(RUNNING_CHECKPOINT, SegmentBytes.frameOf(FrameType.CHECKPOINT, checkpoint.encode()));
        SegmentRecordKey.of(segment, KEK).restateFrom(RUNNING_CHECKPOINT + 1, SegmentFixture.sealVerifier());
        return segment;
    }

    private Verified verify(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("segment.lse"), segment.bytes());
    }
}
