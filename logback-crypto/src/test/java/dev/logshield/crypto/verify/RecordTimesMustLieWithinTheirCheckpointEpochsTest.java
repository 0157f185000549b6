package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

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
 * With the record key and the seal chain, every DATA record's sealing time must lie in the epoch of the checkpoint
 * that seals it (the next checkpoint after it, FORMAT.md 13.2), from its start up to, not including, its end, give
 * or take the skew: both sides of the window, to the millisecond. The writer seals every record in the epoch of the
 * checkpoint that follows it, whatever its clock did (FORMAT.md 9.3), so a record dated in an earlier epoch, even
 * the previous checkpoint's, is TAMPERED at the checkpoint that seals it (old records re-sealed with a later key).
 * Records since the last checkpoint that passed every check are judged together: a checkpoint that fails is no
 * baseline, so the records before it are judged again at the next one. The records are re-dated with the real record
 * key and the checkpoints after them re-stated with the real seal keys, so that the window is the only check that
 * fails. Frames of the small sealed segment: 0 META, 1 CHECKPOINT (epoch 0), 2 DATA (T0 + 1 s), 3 DATA (T0 + 2 s),
 * 4 CHECKPOINT (epoch 0), 5 EPOCH, 6 DATA (T0 + 11 s), 7 CHECKPOINT (epoch 1, closing), 8 FINAL.
 */
class RecordTimesMustLieWithinTheirCheckpointEpochsTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH_MS = SegmentFixture.EPOCH_MS;
    private static final int FIRST_DATA = 2;
    private static final int SECOND_DATA = 3;
    private static final int RUNNING_CHECKPOINT = 4;
    private static final int LAST_DATA = 6;
    private static final int CLOSING_CHECKPOINT = 7;
    private static final int FINAL = 8;
    private static final String OUTSIDE_EPOCH_0 = "records dated outside seal epoch 0 of the checkpoint that seals them"
            + " (old records re-sealed with a later key)";
    private static final String OUTSIDE_EPOCH_1 = "records dated outside seal epoch 1 of the checkpoint that seals them"
            + " (old records re-sealed with a later key)";
    private static final String NO_VALID_CLOSING = "sealed segment closes without a valid closing checkpoint";

    @TempDir
    Path dir;

    @Test
    void aRecordDatedInTheLastMillisecondOfItsCheckpointsEpochIsIntact() throws Exception {
        Verified verified = verify(redated(SECOND_DATA, T0 + EPOCH_MS - 1), 0);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void aRecordDatedWhenItsCheckpointsEpochHadEndedIsTamperedThereAndAgainAtTheNextCheckpoint() throws Exception {
        SegmentBytes segment = redated(SECOND_DATA, T0 + EPOCH_MS);

        Verified verified = verify(segment, 0);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT, OUTSIDE_EPOCH_0);
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(RUNNING_CHECKPOINT));
        // the failed checkpoint is no baseline: records 2 and 3 (epoch 0 and 1) are judged again with record 6
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, OUTSIDE_EPOCH_1);
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL, NO_VALID_CLOSING);
        assertThat(verified.report().findings()).as(verified.describe()).hasSize(3);
    }

    @Test
    void aRecordDatedAtTheStartOfItsCheckpointsEpochIsIntact() throws Exception {
        Verified verified = verify(redated(LAST_DATA, T0 + EPOCH_MS), 0);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void aRecordDatedInThePreviousCheckpointsEpochIsTampered() throws Exception {
        SegmentBytes segment = redated(LAST_DATA, T0 + EPOCH_MS - 1);

        Verified verified = verify(segment, 0);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, OUTSIDE_EPOCH_1);
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(CLOSING_CHECKPOINT));
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL, NO_VALID_CLOSING);
        assertThat(verified.report().findings()).as(verified.describe()).hasSize(2);
    }

    @Test
    void aRecordDatedBeforeThePreviousCheckpointsEpochIsTampered() throws Exception {
        Verified verified = verify(redated(LAST_DATA, T0 - 1), 0);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, OUTSIDE_EPOCH_1);
    }

    @Test
    void theSkewWidensTheWindowOnBothSides() throws Exception {
        SegmentBytes late = redated(SECOND_DATA, T0 + EPOCH_MS + 500);
        SegmentBytes early = redated(LAST_DATA, T0 + EPOCH_MS - 500);

        assertThat(verify(late, 1_000).exitCode()).isEqualTo(VerificationReport.INTACT);
        assertThat(verify(early, 1_000).exitCode()).isEqualTo(VerificationReport.INTACT);
        assertFinding(verify(late, 400), Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT, OUTSIDE_EPOCH_0);
        assertFinding(verify(early, 400), Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, OUTSIDE_EPOCH_1);
    }

    @Test
    void withoutAGoodCheckpointBeforeThemRecordsMustLieInTheEpochOfTheCoveringOne() throws Exception {
        SegmentBytes segment = redated(FIRST_DATA, T0 - 1);
        breakTag(segment, 1);

        Verified verified = verify(segment, 0);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 1, "checkpoint for epoch 0 is not sealed with that"
                + " epoch's key");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT, OUTSIDE_EPOCH_0);
    }

    @Test
    void recordsBeforeACheckpointThatFailsAreJudgedAtTheNextOne() throws Exception {
        // records 2 and 3 lie in epoch 0, as checkpoint 4 says; once it fails they are judged at checkpoint 7
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        breakTag(segment, RUNNING_CHECKPOINT);

        Verified verified = verify(segment, 0);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT, "checkpoint for epoch 0 is not"
                + " sealed with that epoch's key");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, OUTSIDE_EPOCH_1);
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL, NO_VALID_CLOSING);
        assertThat(verified.report().findings()).as(verified.describe()).hasSize(3);
    }

    /** The small sealed segment with DATA record {@code seq} re-dated to {@code sealedMs}. */
    private static SegmentBytes redated(int seq, long sealedMs) throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        byte[] plain = key.open(seq);
        ByteBuffer.wrap(plain).putLong(0, sealedMs);
        key.replace(seq, plain);
        key.restateFrom(seq + 1, SegmentFixture.sealVerifier());
        return segment;
    }

    /**
     * Flips the last bit of the tag of checkpoint {@code seq} (its fields still match, its tag no longer does) and
     * re-states the frames after it, whose digests cover it.
     */
    private static void breakTag(SegmentBytes segment, int seq) throws Exception {
        segment.frames().get(seq)[segment.frames().get(seq).length - 1] ^= 1;
        SegmentRecordKey.of(segment, KEK).restateFrom(seq + 1, SegmentFixture.sealVerifier());
    }

    private Verified verify(SegmentBytes segment, long skewMs) throws Exception {
        SeriesVerifier.Options options = new SeriesVerifier.Options(List.of(KEK),
                List.of(SegmentFixture.sealVerifier()), false, List.of(), skewMs, false);
        return Verified.bytes(options, dir.resolve("segment.lse"), segment.bytes());
    }
}
