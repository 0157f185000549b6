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
 * records sealed that way are rejected (1), because every DATA record's sealing time must fall between the epoch
 * of the checkpoint before it and the end of the epoch of the checkpoint that covers it.
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
        TestSealKeys stolen = SegmentFixture.sealKeys();
        stolen.advanceTo(COMPROMISED_EPOCH);
        // the attacker writes records dated in epoch 0 and seals them with S_5
        SegmentFixture forged = new SegmentFixture().start(SegmentFixture.sealed(stolen, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        forged.event("backdated 1\n", T0 + 200);
        forged.event("backdated 2\n", T0 + 300);
        forged.close(T0 + 400);
        SegmentBytes segment = SegmentBytes.parse(forged.bytes());
        int covering = segment.seqsOf(FrameType.CHECKPOINT).get(1);

        Verified verified = Verified.bytes(options(), dir.resolve("forged.lse"), forged.bytes());

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

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }
}
