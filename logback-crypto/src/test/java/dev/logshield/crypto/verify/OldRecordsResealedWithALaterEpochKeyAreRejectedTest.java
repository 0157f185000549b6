package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * journald CVE-2023-31439: a host compromised at seal epoch 5 holds S_5 and can seal anything under epoch 5. Old
 * records sealed that way are rejected (1), because every DATA record's sealing time must fall in the epoch of the
 * checkpoint that covers it (the writer seals at its clock clamped into its epoch). An epoch gap before that
 * checkpoint, which a forward clock step legitimately leaves (a CLOCK warning), does not widen that window.
 */
class OldRecordsResealedWithALaterEpochKeyAreRejectedTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH = SegmentFixture.EPOCH_MS;
    private static final int COMPROMISED_EPOCH = 5;

    @TempDir
    Path dir;

    @Test
    void aSegmentOfOldRecordsWrittenWithTheCurrentSealKeyIsRejected() throws Exception {
        // the attacker's own writer dates records in epoch 0 (ours clamps them into its epoch) and seals them with S_5
        SegmentFixture written = new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        written.event("backdated 1\n", T0 + 200);
        written.event("backdated 2\n", T0 + 300);
        written.close(T0 + 400);
        SegmentBytes segment = SegmentBytes.parse(written.bytes());
        List<Integer> checkpoints = segment.seqsOf(FrameType.CHECKPOINT);
        resealInCompromisedEpoch(segment, checkpoints.get(0));
        resealInCompromisedEpoch(segment, checkpoints.get(1));
        int covering = checkpoints.get(1);

        Verified verified = Verified.bytes(options(), dir.resolve("forged.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(covering);
        assertThat(problem.offset()).isEqualTo(segment.offsetOf(covering));
        assertThat(problem.message()).contains("re-sealed");
    }

    @Test
    void theWritersCheckpointsReplacedByCurrentEpochOnesAreRejected() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        byte[] segmentId = SegmentCore.decode(segment.core()).segmentId();
        TestSealKeys stolen = SegmentFixture.sealKeys();
        stolen.advanceTo(COMPROMISED_EPOCH);
        long now = T0 + COMPROMISED_EPOCH * EPOCH + 1;
        // the FINAL record cannot be recomputed without the record key: the attacker drops it
        segment.frames().remove(segment.frameCount() - 1);
        for (int seq : segment.seqsOf(FrameType.CHECKPOINT)) {
            Checkpoint resealed = Checkpoint.running(COMPROMISED_EPOCH, now, seq, segment.digestBefore(seq))
                    .tagged(stolen.currentKey(), segmentId);
            segment.frames().set(seq, SegmentBytes.frameOf(FrameType.CHECKPOINT, resealed.encode()));
        }
        int firstCoveringData = segment.seqsOf(FrameType.CHECKPOINT).get(1);

        Verified verified = Verified.bytes(options(), dir.resolve("resealed.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(firstCoveringData);
        assertThat(problem.message()).contains("re-sealed");
    }

    @Test
    void oldRecordsSealedAfterAnEpochGapAreRejected() throws Exception {
        // the writer's segment: checkpoint (epoch 0), a record of epoch 0, closing checkpoint (epoch 0), FINAL
        SegmentFixture written = new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        written.event("old record\n", T0 + 200);
        written.close(T0 + 300);
        SegmentBytes segment = SegmentBytes.parse(written.bytes());
        int closing = segment.seqsOf(FrameType.CHECKPOINT).get(1);
        // the intruder at epoch 5 re-seals the closing checkpoint with S_5: a gap 0 -> 5 such as a clock step leaves
        resealInCompromisedEpoch(segment, closing);

        Verified verified = Verified.bytes(options(), dir.resolve("gap.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.first(Finding.Severity.CLOCK).seq()).isEqualTo(closing);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(closing);
        assertThat(problem.message()).contains("outside seal epoch " + COMPROMISED_EPOCH).contains("re-sealed");
    }

    /** Replaces the checkpoint at {@code seq} by one of the compromised epoch, of the same kind, tagged with S_5. */
    private static void resealInCompromisedEpoch(SegmentBytes segment, int seq) throws Exception {
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint original = Checkpoint.decode(core.version(), segment.body(seq));
        TestSealKeys stolen = SegmentFixture.sealKeys();
        stolen.advanceTo(COMPROMISED_EPOCH);
        long now = T0 + COMPROMISED_EPOCH * EPOCH + 1;
        Checkpoint fields = original.closing() ? Checkpoint.closing(COMPROMISED_EPOCH, now, seq, segment.digestBefore(seq))
                : Checkpoint.running(COMPROMISED_EPOCH, now, seq, segment.digestBefore(seq));
        segment.frames().set(seq, SegmentBytes.frameOf(FrameType.CHECKPOINT,
                fields.tagged(stolen.currentKey(), core.segmentId()).encode()));
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }
}
