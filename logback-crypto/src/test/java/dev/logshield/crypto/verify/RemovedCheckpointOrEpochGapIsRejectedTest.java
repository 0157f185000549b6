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
 * journald CVE-2023-31438: checkpoint epochs inside a segment are contiguous. An auditor holding only S_0 (no record
 * key) rejects a removed checkpoint (1, at the next checkpoint, whose record number and digest no longer match), and
 * rejects an epoch gap even when an attacker holding the current key S_3 removed epochs 1 and 2 and re-sealed the
 * later checkpoint with correct digests (1, "epochs jump").
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
    void anEpochGapResealedWithTheCurrentKeyIsRejected() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.fourEpochSealedSegment(KEK));
        List<Integer> checkpoints = segment.seqsOf(FrameType.CHECKPOINT);
        assertThat(checkpoints).hasSize(5);
        // frames of epochs 1 and 2: from after the checkpoint closing epoch 0 through the one closing epoch 2
        int from = checkpoints.get(1) + 1;
        int to = checkpoints.get(3);
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint last = Checkpoint.decode(core.version(), segment.body(checkpoints.get(4)));
        for (int seq = to; seq >= from; seq--) {
            segment.frames().remove(seq);
        }
        int resealedAt = from;
        TestSealKeys stolen = SegmentFixture.sealKeys();
        stolen.advanceTo(3);
        Checkpoint resealed = Checkpoint.running(last.epoch(), last.timeMs(), resealedAt,
                segment.digestBefore(resealedAt)).tagged(stolen.currentKey(), core.segmentId());
        segment.frames().set(resealedAt, SegmentBytes.frameOf(FrameType.CHECKPOINT, resealed.encode()));
        assertThat(last.epoch()).isEqualTo(3);

        Verified verified = Verified.bytes(auditor(), dir.resolve("gap.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(resealedAt);
        assertThat(problem.offset()).isEqualTo(segment.offsetOf(resealedAt));
        assertThat(problem.message()).contains("jump from 0 to 3");
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
