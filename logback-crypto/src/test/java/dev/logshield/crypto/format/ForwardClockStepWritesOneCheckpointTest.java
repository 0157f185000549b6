package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forward clock step of many seal epochs (NTP, a suspended host): the writer seals the epoch it was in with one
 * checkpoint and moves straight to the clock's epoch with one advance (one state replace), instead of one checkpoint
 * and one state replace per epoch skipped. The gap between the checkpoints is a CLOCK warning: the reader and the
 * auditor both get INTACT (exit 0).
 */
class ForwardClockStepWritesOneCheckpointTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH = SegmentFixture.EPOCH_MS;
    private static final int STEP = 1_000;

    @TempDir
    Path dir;

    @Test
    void aStepOfAThousandEpochsWritesOneCheckpointAndAdvancesOnce() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys();
        byte[] segment = steppedSegment(keys);

        SegmentBytes frames = SegmentBytes.parse(segment);
        // opening (epoch 0), the one that ends epoch 0 at the step, closing (epoch 1000)
        assertThat(frames.seqsOf(FrameType.CHECKPOINT)).hasSize(3);
        assertThat(keys.advances()).isEqualTo(1);
        assertThat(keys.evolutions()).isEqualTo(STEP);
        assertThat(keys.currentEpoch()).isEqualTo(STEP);
    }

    @Test
    void theReaderGetsIntactWithOneClockWarningAtTheGap() throws Exception {
        byte[] segment = steppedSegment(SegmentFixture.sealKeys());
        int afterGap = SegmentBytes.parse(segment).seqsOf(FrameType.CHECKPOINT).get(2);

        Verified verified = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("stepped.lse"), segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).hasSize(1);
        Finding clock = verified.first(Finding.Severity.CLOCK);
        assertThat(clock.seq()).isEqualTo(afterGap);
        assertThat(clock.message()).contains("jump from 0 to " + STEP).contains("clock stepped forward");
        assertThat(clock.describe()).startsWith("CLOCK ");
        assertThat(verified.releasedTexts()).containsExactly("before\n", "after\n");
    }

    @Test
    void theAuditorGetsIntactWithTheSameWarning() throws Exception {
        byte[] segment = steppedSegment(SegmentFixture.sealKeys());
        SeriesVerifier.Options auditor = new SeriesVerifier.Options(List.of(), List.of(SegmentFixture.sealVerifier()), true,
                List.of(), 0, false);

        Verified verified = Verified.bytes(auditor, dir.resolve("stepped.lse"), segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.all(Finding.Severity.CLOCK)).hasSize(1);
        assertThat(verified.firstProblem()).isEmpty();
    }

    @Test
    void anUnclosedSteppedSegmentStaysUnclosedWithTheWarning() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys();
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        fixture.event("before\n", T0 + 200);
        fixture.writer.tick(T0 + STEP * EPOCH + 300);
        fixture.event("after\n", T0 + STEP * EPOCH + 400);
        fixture.writer.tick(T0 + (STEP + 1) * EPOCH + 100);

        Verified verified = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("crashed.lse"), fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.all(Finding.Severity.CLOCK)).hasSize(1);
    }

    /** An event in epoch 0, the clock steps {@value #STEP} epochs forward, an event, close. */
    private static byte[] steppedSegment(TestSealKeys keys) throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
        fixture.event("before\n", T0 + 200);
        fixture.event("after\n", T0 + STEP * EPOCH + 300);
        fixture.close(T0 + STEP * EPOCH + 400);
        return fixture.bytes();
    }
}
