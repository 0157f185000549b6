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
 * Checkpoint epochs inside a segment stay or step by one, compared with the last checkpoint that passed every check:
 * a checkpoint that fails (forged tag, wrong epoch) never becomes the baseline, so the epochs it would hide are still
 * a jump at the next one, and an epoch that goes back is a jump too. Checked by the reader and the auditor together
 * on a segment that spans four seal epochs: 0 META, 1 CHECKPOINT (epoch 0), 2 DATA, 3 CHECKPOINT (0), 4 DATA,
 * 5 CHECKPOINT (1), 6 DATA, 7 CHECKPOINT (2), 8 DATA, 9 CHECKPOINT (3, closing), 10 FINAL.
 */
class CheckpointThatFailsIsNoBaselineForLaterOnesTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH_MS = SegmentFixture.EPOCH_MS;
    private static final int CHECKPOINT_EPOCH_1 = 5;
    private static final int CHECKPOINT_EPOCH_2 = 7;
    private static final int CLOSING_CHECKPOINT = 9;

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
    void aCheckpointWithAForgedTagLeavesTheNextOneAJump() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        byte[] frame = segment.frames().get(CHECKPOINT_EPOCH_1);
        frame[frame.length - 1] ^= 1;
        SegmentRecordKey.of(segment, KEK).restateFrom(CHECKPOINT_EPOCH_1 + 1, SegmentFixture.sealVerifier());

        Verified verified = verify(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_1,
                "checkpoint for epoch 1 is not sealed with that epoch's key");
        Finding jump = assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_2,
                "checkpoint epochs jump from 0 to 2 (checkpoints or records removed)");
        assertThat(jump.offset()).isEqualTo(segment.offsetOf(CHECKPOINT_EPOCH_2));
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, "checkpoint epochs jump from 0 to 3");
    }

    @Test
    void aCheckpointEpochThatGoesBackIsAJump() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint original = Checkpoint.decode(2, segment.body(CHECKPOINT_EPOCH_2));
        Checkpoint back = new Checkpoint(2, 0, T0 + EPOCH_MS - 1, CHECKPOINT_EPOCH_2, false, 0, original.digest(),
                new byte[32]).tagged(SegmentFixture.sealVerifier().keyAt(0), core.segmentId());
        segment.frames().set(CHECKPOINT_EPOCH_2, SegmentBytes.frameOf(FrameType.CHECKPOINT, back.encode()));
        SegmentRecordKey.of(segment, KEK).restateFrom(CHECKPOINT_EPOCH_2 + 1, SegmentFixture.sealVerifier());

        Verified verified = verify(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_2, "checkpoint epochs jump from 1 to 0");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, "checkpoint epochs jump from 1 to 3");
    }

    @Test
    void aCheckpointThatJumpsIsNoBaselineEither() throws Exception {
        SegmentBytes segment = fourEpochSegment();
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint original = Checkpoint.decode(2, segment.body(CHECKPOINT_EPOCH_1));
        Checkpoint ahead = new Checkpoint(2, 3, T0 + 3 * EPOCH_MS, CHECKPOINT_EPOCH_1, false, 0, original.digest(),
                new byte[32]).tagged(SegmentFixture.sealVerifier().keyAt(3), core.segmentId());
        segment.frames().set(CHECKPOINT_EPOCH_1, SegmentBytes.frameOf(FrameType.CHECKPOINT, ahead.encode()));
        SegmentRecordKey.of(segment, KEK).restateFrom(CHECKPOINT_EPOCH_1 + 1, SegmentFixture.sealVerifier());

        Verified verified = verify(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_1, "checkpoint epochs jump from 0 to 3");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CHECKPOINT_EPOCH_2, "checkpoint epochs jump from 0 to 2");
    }

    private static SegmentBytes fourEpochSegment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.fourEpochSealedSegment(KEK));
    }

    private Verified verify(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("segment.lse"), segment.bytes());
    }
}
