package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work of one seal advance is bounded, counted in hash steps and frames: a clock step of up to
 * {@link LseFormat#MAX_SEAL_ADVANCE_EPOCHS} epochs is followed at once (that many HMAC steps, one checkpoint, one
 * advance); a clock further ahead (a year 2300 typo: a billion 10-second epochs) is taken as wrong. The writer then
 * hashes nothing, keeps sealing in its epoch, says why, and follows the clock again once it is back within reach;
 * the segment stays verifiable.
 */
class SealAdvanceWorkIsBoundedTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH = SegmentFixture.EPOCH_MS;
    private static final long MAX = LseFormat.MAX_SEAL_ADVANCE_EPOCHS;
    private static final long ABSURD = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aStepOfTheMaximumIsFollowedAtOnce() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys().withEvolutionBudget(MAX);
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        long checkpointsBefore = checkpoints(fixture);

        fixture.event("after the step\n", T0 + MAX * EPOCH + 100);

        assertThat(keys.evolutions()).isEqualTo(MAX);
        assertThat(keys.advances()).isEqualTo(1);
        assertThat(checkpoints(fixture) - checkpointsBefore).isEqualTo(1);
        assertThat(fixture.writer.sealClockRefusal()).isEmpty();
    }

    @Test
    void aStepOfOneMoreThanTheMaximumIsNotFollowedAndTheMaximumFromThereIs() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys().withEvolutionBudget(MAX);
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        fixture.event("epoch 1\n", T0 + EPOCH + 100);
        assertThat(keys.currentEpoch()).isEqualTo(1);

        fixture.event("one epoch too far\n", T0 + (MAX + 2) * EPOCH + 100);

        assertThat(keys.evolutions()).isEqualTo(1);
        assertThat(keys.currentEpoch()).isEqualTo(1);
        assertThat(fixture.writer.sealClockRefusal()).hasValueSatisfying(why -> assertThat(why)
                .contains("seal epoch " + (MAX + 2) + ", " + (MAX + 1) + " epochs after the seal state's epoch 1"));

        // MAX - 1 epochs past epoch 1 (epoch MAX) is within reach: followed
        fixture.event("within reach\n", T0 + MAX * EPOCH + 100);
        assertThat(fixture.writer.sealClockRefusal()).isEmpty();
        assertThat(keys.currentEpoch()).isEqualTo(MAX);
        assertThat(keys.evolutions()).isEqualTo(MAX);
    }

    @Test
    void aClockFurtherAheadIsNotFollowedAndCostsNoHashing() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys().withEvolutionBudget(2 * MAX);
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        fixture.event("before\n", T0 + 200);
        long checkpointsBefore = checkpoints(fixture);

        fixture.event("clock far ahead\n", T0 + ABSURD * EPOCH);
        fixture.writer.tick(T0 + ABSURD * EPOCH + 1_000);

        assertThat(keys.evolutions()).isZero();
        assertThat(keys.currentEpoch()).isZero();
        assertThat(checkpoints(fixture)).isEqualTo(checkpointsBefore);
        assertThat(fixture.writer.sealClockRefusal()).hasValueSatisfying(why -> assertThat(why)
                .contains("seal epoch " + ABSURD).contains("more than the " + MAX).contains("keygen --seal"));

        // the clock is corrected: the writer follows it again
        fixture.event("clock corrected\n", T0 + EPOCH + 100);
        assertThat(fixture.writer.sealClockRefusal()).isEmpty();
        assertThat(keys.currentEpoch()).isEqualTo(1);
        fixture.close(T0 + EPOCH + 200);

        Verified verified = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("absurd.lse"), fixture.bytes());
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).isEmpty();
        assertThat(verified.releasedTexts()).hasSize(3);
    }

    @Test
    void aSegmentStartedWithAClockFarAheadStaysInTheStateEpoch() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys().withEvolutionBudget(MAX);
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + ABSURD * EPOCH);
        fixture.event("clock far ahead\n", T0 + ABSURD * EPOCH + 100);
        fixture.close(T0 + ABSURD * EPOCH + 200);

        assertThat(keys.evolutions()).isZero();
        Verified verified = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("started-ahead.lse"), fixture.bytes());
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).isEmpty();
    }

    private static long checkpoints(SegmentFixture fixture) throws Exception {
        return SegmentBytes.parse(fixture.bytes()).seqsOf(FrameType.CHECKPOINT).size();
    }
}
