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
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint epochs inside a segment are compared with the last checkpoint that passed every check (a CLOCK finding
 * is no failure): an epoch that goes back is TAMPERED, one that skips epochs is a CLOCK warning (a forward clock
 * step), and a checkpoint that fails (forged tag, epoch going back, records dated outside its epoch) never becomes
 * the baseline, so the next one is compared with the last good one. Checked by the reader and the auditor together
 * on a segment that spans four seal epochs: 0 META, 1 CHECKPOINT (epoch 0), 2 DATA (epoch 0), 3 CHECKPOINT (0),
 * 4 DATA (1), 5 CHECKPOINT (1), 6 DATA (2), 7 CHECKPOINT (2), 8 DATA (3), 9 CHECKPOINT (3, closing), 10 FINAL.
 */
class CheckpointThatFailsIsNoBaselineForLaterOnesTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH_MS = SegmentFixture.EPOCH_MS;
    private static final int DATA_EPOCH_1 = 4;
    private static final int CHECKPOINT_EPOCH_1 = 5;
    private static final int CHECKPOINT_EPOCH_2 = 7;
    private static final int CLOSING_CHECKPOINT = 9;
    private static final String NO_CHECKPOINT = "no checkpoint. The writer's clock stepped forward, or nothing ran for"
            + " over an epoch";

    @TempDir
    Path dir;

    @Test
    void theSegmentAsWrittenIsIntactForReaderAndAuditor() throws Exception {
        SegmentBytes segment = fourEpochSegment();

        Verified verified = verify(segment);

        assertThat(segment.seqsOf(FrameType.CHECKPOINT)).containsExactly(1, 3, CHECKPOINT_EPOCH_1, CHECKPOINT_EPOCH_2,
                CLOSING_CHECKPOINT);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    @Test
    void aCheckpointWithAForgedTagLeavesTheNextOneAGapFromTheLastGoodOne() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        byte[] frame = segment.frames().get(CHECKPOINT_EPOCH_1);
        frame[frame.length - 1] ^= 1;
        SegmentRecordKey.of(segment, KEK).restateFrom(CHECKPOINT_EPOCH_1 + 1, SegmentFixture.sealVerifier());

        Verified verified = verify(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_1,
                "checkpoint for epoch 1 is not sealed with that epoch's key");
        Finding gap = assertFinding(verified, Finding.Severity.CLOCK, 0, CHECKPOINT_EPOCH_2,
                "checkpoint epochs jump from 0 to 2: seal epoch 1 has " + NO_CHECKPOINT);
        assertThat(gap.offset()).isEqualTo(segment.offsetOf(CHECKPOINT_EPOCH_2));
        // the record of epoch 1 is still waiting for a good checkpoint: outside epoch 2, so checkpoint 7 fails too
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_2,
                "records dated outside seal epoch 2 of the checkpoint that seals them");
        assertFinding(verified, Finding.Severity.CLOCK, 0, CLOSING_CHECKPOINT,
                "checkpoint epochs jump from 0 to 3: seal epochs 1..2 have " + NO_CHECKPOINT);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
    }

    @Test
    void aCheckpointEpochThatGoesBackIsTamperedAndNoBaseline() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        replaceCheckpoint(segment, CHECKPOINT_EPOCH_2, 0, T0 + EPOCH_MS - 1);

        Verified verified = verify(segment);

        Finding back = assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_2,
                "checkpoint epochs go back from 1 to 0 (checkpoints moved or reordered)");
        assertThat(back.offset()).isEqualTo(segment.offsetOf(CHECKPOINT_EPOCH_2));
        // compared with epoch 1, not with the epoch 0 that went back
        assertFinding(verified, Finding.Severity.CLOCK, 0, CLOSING_CHECKPOINT,
                "checkpoint epochs jump from 1 to 3: seal epoch 2 has " + NO_CHECKPOINT);
    }

    @Test
    void aCheckpointThatJumpsOverRecordsOfAnEarlierEpochIsNoBaseline() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        replaceCheckpoint(segment, CHECKPOINT_EPOCH_1, 3, T0 + 3 * EPOCH_MS);

        Verified verified = verify(segment);

        assertFinding(verified, Finding.Severity.CLOCK, 0, CHECKPOINT_EPOCH_1,
                "checkpoint epochs jump from 0 to 3: seal epochs 1..2 have " + NO_CHECKPOINT);
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_1,
                "records dated outside seal epoch 3 of the checkpoint that seals them");
        // compared with epoch 0, not with the epoch 3 of the checkpoint that failed
        assertFinding(verified, Finding.Severity.CLOCK, 0, CHECKPOINT_EPOCH_2,
                "checkpoint epochs jump from 0 to 2: seal epoch 1 has " + NO_CHECKPOINT);
    }

    @Test
    void aCheckpointThatJumpsWithItsRecordsInItsEpochIsTheBaseline() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        byte[] plain = key.open(DATA_EPOCH_1);
        ByteBuffer.wrap(plain).putLong(0, T0 + 3 * EPOCH_MS + 200);
        key.replace(DATA_EPOCH_1, plain);
        key.restateFrom(DATA_EPOCH_1 + 1, SegmentFixture.sealVerifier());
        replaceCheckpoint(segment, CHECKPOINT_EPOCH_1, 3, T0 + 3 * EPOCH_MS + 300);

        Verified verified = verify(segment);

        Finding gap = assertFinding(verified, Finding.Severity.CLOCK, 0, CHECKPOINT_EPOCH_1,
                "checkpoint epochs jump from 0 to 3: seal epochs 1..2 have " + NO_CHECKPOINT);
        assertThat(gap.offset()).isEqualTo(segment.offsetOf(CHECKPOINT_EPOCH_1));
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_2,
                "checkpoint epochs go back from 3 to 2 (checkpoints moved or reordered)");
        assertThat(verified.report().findings()).as(verified.describe())
                .filteredOn(f -> f.seq() == CHECKPOINT_EPOCH_1).hasSize(1);
    }

    /**
     * Replaces checkpoint {@code seq} by a running one for {@code epoch} dated {@code timeMs}, tagged with that
     * epoch's real key, and re-states the frames after it.
     */
    private static void replaceCheckpoint(SegmentBytes segment, int seq, long epoch, long timeMs) throws Exception {
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint original = Checkpoint.decode(2, segment.body(seq));
        Checkpoint replaced = new Checkpoint(2, epoch, timeMs, seq, false, 0, original.digest(), new byte[32])
                .tagged(SegmentFixture.sealVerifier().keyAt(epoch), core.segmentId());
        segment.frames().set(seq, SegmentBytes.frameOf(FrameType.CHECKPOINT, replaced.encode()));
        SegmentRecordKey.of(segment, KEK).restateFrom(seq + 1, SegmentFixture.sealVerifier());
    }

    private static SegmentBytes fourEpochSegment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.fourEpochSealedSegment(KEK));
    }

    private Verified verify(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("segment.lse"), segment.bytes());
    }
}
