package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.TestSealVerifier;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward security of the seal: the host evolves S_{t+1} = HMAC-SHA256(S_t, "lse/v1 evolve") and erases S_t, so an
 * attacker who steals S_3 can compute later keys but no earlier one. Deleting a record of epoch 0 and re-forging
 * the checkpoint that covers it with S_3, claiming epoch 0, is rejected (1) at that checkpoint; the same forgery
 * with the real S_0 passes the checkpoint rules, which shows it is the key, and only the key, that stops it.
 */
class LaterSealKeyCannotForgeAnEarlierCheckpointTest {

    private static final TestKek KEK = TestKek.random();
    private static final int STOLEN_EPOCH = 3;

    @TempDir
    Path dir;

    @Test
    void aCheckpointForEpochZeroForgedWithS3IsRejected() throws Exception {
        TestSealKeys host = SegmentFixture.sealKeys();
        host.advanceTo(STOLEN_EPOCH);

        Verified verified = Verified.bytes(auditor(), dir.resolve("forged.lse"), forge(host.currentKey()));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(forgedSeq());
        assertThat(problem.message()).contains("not sealed with that epoch's key");
    }

    @Test
    void theSameForgeryWithTheRealEpochKeyPassesTheCheckpointRules() throws Exception {
        Verified verified = Verified.bytes(auditor(), dir.resolve("control.lse"), forge(SegmentFixture.sealSeed()));

        assertThat(verified.report().findings()).noneSatisfy(
                f -> assertThat(f.severity()).isEqualTo(Finding.Severity.TAMPERED));
    }

    @Test
    void evolvingTheStolenKeyOnlyReachesLaterEpochs() {
        TestSealKeys host = SegmentFixture.sealKeys();
        host.advanceTo(STOLEN_EPOCH);
        TestSealVerifier chain = SegmentFixture.sealVerifier();
        byte[] key = host.currentKey();

        for (long later = STOLEN_EPOCH + 1; later < STOLEN_EPOCH + 20; later++) {
            key = TestSealKeys.evolve(key);
            assertThat(key).isEqualTo(chain.keyAt(later));
            for (long earlier = 0; earlier < STOLEN_EPOCH; earlier++) {
                assertThat(key).isNotEqualTo(chain.keyAt(earlier));
            }
        }
    }

    /**
     * The small sealed segment with its first record deleted, the checkpoint closing epoch 0 re-made for the
     * shortened stream (right seq and digest) and tagged with {@code key}; the later frames (which would fail on
     * their own) are cut off so that only the forged checkpoint is judged.
     */
    private static byte[] forge(byte[] key) throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        int closingEpoch0 = segment.seqsOf(FrameType.CHECKPOINT).get(1);
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint original = Checkpoint.decode(core.version(), segment.body(closingEpoch0));
        segment.frames().remove((int) segment.seqsOf(FrameType.DATA).get(0));
        int at = closingEpoch0 - 1;
        Checkpoint forged = Checkpoint.running(original.epoch(), original.timeMs(), at, segment.digestBefore(at))
                .tagged(key, core.segmentId());
        segment.frames().set(at, SegmentBytes.frameOf(FrameType.CHECKPOINT, forged.encode()));
        while (segment.frameCount() > at + 1) {
            segment.frames().remove(at + 1);
        }
        assertThat(original.epoch()).isZero();
        return segment.bytes();
    }

    private static int forgedSeq() throws Exception {
        return SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK)).seqsOf(FrameType.CHECKPOINT).get(1) - 1;
    }

    private static SeriesVerifier.Options auditor() {
        return Verified.options(List.of(), SegmentFixture.sealVerifier());
    }
}
