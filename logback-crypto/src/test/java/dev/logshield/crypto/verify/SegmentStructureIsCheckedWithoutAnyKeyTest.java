package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static dev.logshield.crypto.testing.FindingAssertions.assertNoFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structural rules of a segment need no key, and a writer never breaks them: META first, a sealed segment opens
 * with a checkpoint and closes with one right before FINAL, nothing after FINAL, META nowhere else, checkpoints only
 * in sealed segments and only of the segment's layout. A verifier holding neither the record key nor the seal key
 * (a keyless {@code verify}) finds each break TAMPERED at the frame that breaks the rule, where it could otherwise
 * only say UNCLOSED. Frames of the small sealed segment: 0 META, 1 CHECKPOINT, 2 DATA, 3 DATA, 4 CHECKPOINT,
 * 5 EPOCH, 6 DATA, 7 CHECKPOINT (closing), 8 FINAL.
 */
class SegmentStructureIsCheckedWithoutAnyKeyTest {

    private static final TestKek KEK = TestKek.random();
    private static final int OPENING_CHECKPOINT = 1;
    private static final int RUNNING_CHECKPOINT = 4;
    private static final int EPOCH = 5;
    private static final int LAST_DATA = 6;
    private static final int CLOSING_CHECKPOINT = 7;
    private static final int FINAL = 8;

    @TempDir
    Path dir;

    @Test
    void theUntouchedSegmentIsOnlyUnprovablyClosed() throws Exception {
        Verified verified = keyless(sealedSegment());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().findings()).hasSize(1);
        assertThat(verified.report().checkpoints()).isEqualTo(3);
        assertThat(verified.report().records()).isEqualTo(3);
    }

    @Test
    void aSealedSegmentWhoseOpeningCheckpointWasRemovedIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().remove(OPENING_CHECKPOINT);

        Verified verified = keyless(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, 1,
                "sealed segment does not open with a checkpoint");
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(1));
    }

    @Test
    void aSegmentThatDoesNotStartWithMetaIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().remove(0);

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 0, "first record is CHECKPOINT, not META");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, 1, "sealed segment does not open with a checkpoint");
    }

    @Test
    void metaAnywhereButFirstIsOutOfPlace() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().add(3, segment.frame(0));

        Verified verified = keyless(segment);

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, 3, "META record out of place");
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(3));
        assertNoFinding(verified, "not META");
    }

    @Test
    void aSealedSegmentWhoseClosingCheckpointWasRemovedIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().remove(CLOSING_CHECKPOINT);

        Verified verified = keyless(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL - 1,
                "sealed segment closes without a valid closing checkpoint");
        assertNoFinding(verified, "closure not provable");
    }

    @Test
    void aFinalRightAfterARunningCheckpointIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        for (int seq = CLOSING_CHECKPOINT; seq >= EPOCH; seq--) {
            segment.frames().remove(seq);
        }

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT + 1,
                "a running checkpoint, not a closing one, precedes FINAL");
    }

    @Test
    void aRecordAppendedAfterFinalIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().add(segment.frame(2));

        Verified verified = keyless(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL + 1, "record after FINAL (appended)");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL + 1, "records follow FINAL");
    }

    @Test
    void aSecondFinalDoesNotCloseTheSegmentAgain() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().add(segment.frame(FINAL));

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL + 1, "record after FINAL (appended)");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL + 1, "records follow FINAL");
        assertNoFinding(verified, "closure not provable");
    }

    @Test
    void aCheckpointInASegmentThatIsNotSealedIsTampered() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 2));
        int at = 2;
        Checkpoint inserted = Checkpoint.running(0, SegmentFixture.T0, at, segment.digestBefore(at));
        segment.frames().add(at, SegmentBytes.frameOf(FrameType.CHECKPOINT, inserted.encode()));

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, at, "checkpoint in a segment that is not sealed");
        assertNoFinding(verified, "does not match the records before it");
    }

    @Test
    void aCheckpointOfAnotherLengthIsMalformed() throws Exception {
        SegmentBytes segment = sealedSegment();
        byte[] body = segment.body(RUNNING_CHECKPOINT);
        byte[] shorter = java.util.Arrays.copyOf(body, body.length - 1);
        segment.frames().set(RUNNING_CHECKPOINT, SegmentBytes.frameOf(FrameType.CHECKPOINT, shorter));

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT,
                "checkpoint body is 96 bytes, expected 97 (version 2)");
        assertThat(verified.report().checkpoints()).isEqualTo(3);
    }

    @Test
    void anUnclosedSealedSegmentCountsTheRecordsAfterItsLastCheckpoint() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().remove(FINAL);
        segment.frames().remove(CLOSING_CHECKPOINT);

        Verified verified = keyless(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        Finding finding = assertFinding(verified, Finding.Severity.UNCLOSED, 0, CLOSING_CHECKPOINT,
                "segment not closed (7 records): crash, truncation, or still being written; 2 record(s) after the"
                        + " last checkpoint are not sealed");
        assertThat(finding.offset()).isEqualTo(segment.bytes().length);
    }

    @Test
    void recordsAfterACheckpointThatFailsCountFromTheLastGoodOne() throws Exception {
        SegmentBytes segment = sealedSegment();
        segment.frames().remove(FINAL);
        segment.frames().remove(CLOSING_CHECKPOINT);
        Checkpoint running = Checkpoint.decode(2, segment.body(RUNNING_CHECKPOINT));
        Checkpoint miscounted = new Checkpoint(2, running.epoch(), running.timeMs(), RUNNING_CHECKPOINT + 1, false, 0,
                running.digest(), running.tag());
        segment.frames().set(RUNNING_CHECKPOINT, SegmentBytes.frameOf(FrameType.CHECKPOINT, miscounted.encode()));

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, RUNNING_CHECKPOINT,
                "checkpoint does not match the records before it");
        assertFinding(verified, Finding.Severity.UNCLOSED, 0, LAST_DATA + 1,
                "; 4 record(s) after the last checkpoint are not sealed");
    }

    @Test
    void anUnclosedSegmentWithoutRecordsAfterItsCheckpointSaysNothingOfUnsealedRecords() throws Exception {
        SegmentBytes segment = sealedSegment();
        for (int seq = FINAL; seq > RUNNING_CHECKPOINT; seq--) {
            segment.frames().remove(seq);
        }

        Verified verified = keyless(segment);

        Finding finding = assertFinding(verified, Finding.Severity.UNCLOSED, "segment not closed (5 records)");
        assertThat(finding.message()).endsWith("crash, truncation, or still being written");
    }

    @Test
    void aClosingCheckpointThatMiscountsTheFramesIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        Checkpoint closing = Checkpoint.decode(2, segment.body(CLOSING_CHECKPOINT));
        Checkpoint miscounted = new Checkpoint(2, closing.epoch(), closing.timeMs(), CLOSING_CHECKPOINT, true,
                closing.frameCount() + 1, closing.digest(), closing.tag());
        segment.frames().set(CLOSING_CHECKPOINT, SegmentBytes.frameOf(FrameType.CHECKPOINT, miscounted.encode()));

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, CLOSING_CHECKPOINT, "closing checkpoint states 10"
                + " frames, but a segment that closes here has 9 (the checkpoint and FINAL)");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL,
                "sealed segment closes without a valid closing checkpoint");
    }

    @Test
    void aFinalAsTheFirstFrameClosesTheSegmentThere() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 3));
        byte[] fin = segment.frames().remove(segment.frameCount() - 1);
        segment.frames().add(0, fin);
        segment.frames().add(fin.clone());
        int last = segment.frameCount() - 1;

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 0, "first record is FINAL, not META");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, 1, "record after FINAL (appended)");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, last, "record after FINAL (appended)");
        assertFinding(verified, Finding.Severity.TAMPERED, 0, last, "records follow FINAL");
        assertThat(verified.report().has(Finding.Severity.UNCLOSED)).as(verified.describe()).isFalse();
    }

    @Test
    void aClosingCheckpointAsTheFirstFrameAdmitsOnlyFinalAfterIt() throws Exception {
        SegmentBytes segment = withClosingCheckpointFirst();

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 1,
                "record after the closing checkpoint at record 0: only FINAL may follow it");
    }

    @Test
    void aFirstClosingCheckpointStaysTheClosingOneWhenAnotherFollows() throws Exception {
        SegmentBytes segment = withClosingCheckpointFirst();
        segment.frames().remove(FINAL);

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.UNCLOSED, 0, FINAL, "crash, truncation, or still being written");
    }

    @Test
    void aSegmentOfNothingButAClosingCheckpointWasClosingWhenItStopped() throws Exception {
        SegmentBytes segment = withClosingCheckpointFirst();
        while (segment.frameCount() > 1) {
            segment.frames().remove(1);
        }

        Verified verified = keyless(segment);

        assertFinding(verified, Finding.Severity.UNCLOSED, 0, 1, "its closing checkpoint was written but not FINAL");
    }

    /** The small sealed segment with its META replaced by a closing checkpoint that states frame 0 (wrongly tagged). */
    private static SegmentBytes withClosingCheckpointFirst() throws Exception {
        SegmentBytes segment = sealedSegment();
        Checkpoint closing = Checkpoint.closing(0, SegmentFixture.T0, 0, segment.digestBefore(0));
        segment.frames().set(0, SegmentBytes.frameOf(FrameType.CHECKPOINT, closing.encode()));
        return segment;
    }

    private static SegmentBytes sealedSegment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
    }

    private Verified keyless(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(), null), dir.resolve("segment.lse"), segment.bytes());
    }
}
