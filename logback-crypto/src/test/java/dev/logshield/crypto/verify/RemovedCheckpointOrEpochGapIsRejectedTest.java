package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Checkpoint;
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
 * journald CVE-2023-31438. An auditor holding only S_0 (no record key) rejects a removed checkpoint (1, at the next
 * checkpoint, whose record number and digest no longer match) and checkpoint epochs that go back (1). An epoch gap
 * is what a forward clock step leaves, so it is a CLOCK warning: when an attacker holding the current key S_3
 * removed epochs 1 and 2 and re-sealed the closing checkpoint with correct digests, the auditor alone sees only
 * that warning (0); the record key finds the removed records (1), and so would an anchor.
 */
class RemovedCheckpointOrEpochGapIsRejectedTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aRemovedCheckpointIsFoundAtTheNextOne() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        List<Integer> checkpoints = segment.seqsOf(FrameType.CHECKPOINT);
        segment.frames().remove((int) checkpoints.get(1));
        int next = checkpoints.get(2) - 1;

        Verified verified = Verified.bytes(auditor(), dir.resolve("removed.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(next);
        assertThat(problem.offset()).isEqualTo(segment.offsetOf(next));
    }

    @Test
    void anEpochGapResealedWithTheCurrentKeyIsAClockWarningToTheAuditorAndTamperedForTheReader() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.fourEpochSealedSegment(KEK));
        List<Integer> checkpoints = segment.seqsOf(FrameType.CHECKPOINT);
        assertThat(checkpoints).hasSize(5);
        // frames of epochs 1 and 2: from after the checkpoint closing epoch 0 through the one closing epoch 2
        int from = checkpoints.get(1) + 1;
        int to = checkpoints.get(3);
        for (int seq = to; seq >= from; seq--) {
            segment.frames().remove(seq);
        }
        int closing = checkpoints.get(4) - (to - from + 1);
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint last = Checkpoint.decode(core.version(), segment.body(closing));
        assertThat(last.epoch()).isEqualTo(3);
        TestSealKeys stolen = SegmentFixture.sealKeys();
        stolen.advanceTo(3);
        Checkpoint resealed = Checkpoint.closing(last.epoch(), last.timeMs(), closing, segment.digestBefore(closing))
                .tagged(stolen.currentKey(), core.segmentId());
        segment.frames().set(closing, SegmentBytes.frameOf(FrameType.CHECKPOINT, resealed.encode()));

        Verified audited = Verified.bytes(auditor(), dir.resolve("gap.lse"), segment.bytes());

        assertThat(audited.exitCode()).as(audited.describe()).isEqualTo(VerificationReport.INTACT);
        Finding gap = audited.first(Finding.Severity.CLOCK);
        assertThat(gap.seq()).isEqualTo(closing);
        assertThat(gap.offset()).isEqualTo(segment.offsetOf(closing));
        assertThat(gap.message()).contains("jump from 0 to 3").contains("epochs 1..2");

        Verified read = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("gap-read.lse"), segment.bytes());

        assertThat(read.exitCode()).as(read.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(read.firstProblem().orElseThrow().seq()).isEqualTo(from);
    }

    @Test
    void checkpointEpochsThatGoBackAreRejected() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.fourEpochSealedSegment(KEK));
        int closing = segment.seqsOf(FrameType.CHECKPOINT).get(4);
        SegmentCore core = SegmentCore.decode(segment.core());
        // someone holding S_1 re-seals the closing checkpoint (after the one of epoch 2) in epoch 1
        TestSealKeys earlier = SegmentFixture.sealKeys();
        earlier.advanceTo(1);
        Checkpoint resealed = Checkpoint.closing(1, SegmentFixture.T0 + SegmentFixture.EPOCH_MS + 500, closing,
                segment.digestBefore(closing)).tagged(earlier.currentKey(), core.segmentId());
        segment.frames().set(closing, SegmentBytes.frameOf(FrameType.CHECKPOINT, resealed.encode()));

        Verified verified = Verified.bytes(auditor(), dir.resolve("back.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(closing);
        assertThat(problem.message()).contains("go back from 2 to 1");
    }

    @Test
    void theUntouchedFourEpochSegmentPassesTheAuditor() throws Exception {
        Verified verified = Verified.bytes(auditor(), dir.resolve("intact.lse"),
                SegmentFixture.fourEpochSealedSegment(KEK));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().checkpoints()).isEqualTo(5);
    }

    /** The auditor: the seal chain from S_0, no record key. */
    private static SeriesVerifier.Options auditor() {
        return Verified.options(List.of(), SegmentFixture.sealVerifier());
    }
}
