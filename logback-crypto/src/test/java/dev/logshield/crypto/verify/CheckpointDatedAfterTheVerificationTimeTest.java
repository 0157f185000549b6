package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.LseFormat;
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
 * Checkpoints dated after the verification time: the writer's clock ran ahead (a forward step, perhaps corrected
 * since: its seal keys cannot go back) or the verifier's clock is behind. Within
 * {@link LseFormat#MAX_SEAL_ADVANCE_EPOCHS} epochs of the verification time that is one CLOCK warning per segment
 * and the verdict stands (0); further ahead the checkpoint is not judged (its key is not derived) and is TAMPERED.
 * The reach is counted from epoch 0 when the verification time is before the chain's origin, and ends at
 * {@link LseFormat#MAX_SEAL_ADVANCE_EPOCHS} exactly; a skew that covers the advance accepts it without a warning, and
 * a checkpoint with a CLOCK warning is a good one (the records before it are sealed). The seal chain here starts an
 * hour before the test runs (or, where said, a day after), so the dates are real future dates.
 */
class CheckpointDatedAfterTheVerificationTimeTest {

    private static final TestKek KEK = TestKek.random();
    private static final int INTERVAL_SECONDS = 10;
    private static final long EPOCH = INTERVAL_SECONDS * 1000L;
    private static final long DAY = 24 * 3600 * 1000L;

    @TempDir
    Path dir;

    private final long now = System.currentTimeMillis();
    private final long origin = now / EPOCH * EPOCH - 3600 * 1000L;

    @Test
    void aWriterClockADayAheadIsOneClockWarning() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), now + DAY);
        fixture.event("a day ahead\n", now + DAY + 100);
        fixture.event("still ahead\n", now + DAY + EPOCH + 100);
        fixture.close(now + DAY + EPOCH + 200);

        Verified verified = verify(fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.CLOCK);
            assertThat(f.seq()).isEqualTo(1);
            assertThat(f.message()).contains("after the verification time");
        });
    }

    @Test
    void aForwardStepCorrectedBackLeavesWarningsOnly() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), now);
        fixture.event("on time\n", now + 100);
        fixture.event("clock a day ahead\n", now + DAY);
        fixture.event("clock corrected\n", now + 200);
        fixture.close(now + 300);

        Verified verified = verify(fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.all(Finding.Severity.CLOCK)).as(verified.describe()).hasSize(2);
        assertThat(verified.firstProblem()).isEmpty();
        assertThat(verified.releasedTexts()).hasSize(3);
    }

    @Test
    void aCheckpointFurtherAheadThanAWriterAdvancesIsTamperedWithoutDerivingItsKey() throws Exception {
        long epochNow = (now - origin) / EPOCH;
        long far = epochNow + LseFormat.MAX_SEAL_ADVANCE_EPOCHS + 10;
        assertThat(far).as("beyond what the test verifier derives: deriving it would fail the test")
                .isGreaterThan(TestSealVerifier.MAX_EPOCH);
        TestSealKeys keys = keys();
        keys.advanceTo(far);
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), origin + far * EPOCH + 100);
        fixture.close(origin + far * EPOCH + 200);

        Verified verified = verify(fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(1);
        assertThat(problem.message()).contains("more than a writer advances at once");
    }

    @Test
    void theReachIsCountedFromEpochZeroBeforeTheOriginAndEndsAtTheMaximumAdvance() throws Exception {
        long later = now + DAY;

        Verified within = verify(segmentInEpoch(later, LseFormat.MAX_SEAL_ADVANCE_EPOCHS), later, 0);
        Verified beyond = verify(segmentInEpoch(later, LseFormat.MAX_SEAL_ADVANCE_EPOCHS + 1), later, 0);

        assertThat(within.exitCode()).as(within.describe()).isEqualTo(VerificationReport.INTACT);
        assertFinding(within, Finding.Severity.CLOCK, 0, 1, "checkpoint for epoch 100000 is dated ");
        assertThat(within.report().findings()).as(within.describe()).hasSize(1);
        assertThat(beyond.exitCode()).as(beyond.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertFinding(beyond, Finding.Severity.TAMPERED, 0, 1, "checkpoint for epoch 100001 is dated 100001 seal"
                + " epochs after the verification time, more than a writer advances at once (100000): forged, or a"
                + " wildly wrong clock; not checked further");
    }

    @Test
    void aSkewLargerThanTheAdvanceAcceptsItWithoutAWarning() throws Exception {
        long later = now + DAY;
        byte[] segment = segmentInEpoch(later, 0);

        Verified covered = verify(segment, later, 2 * DAY);
        Verified shorter = verify(segment, later, DAY / 2);

        assertThat(covered.exitCode()).as(covered.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(covered.report().findings()).as(covered.describe()).isEmpty();
        assertThat(shorter.exitCode()).as(shorter.describe()).isEqualTo(VerificationReport.INTACT);
        assertFinding(shorter, Finding.Severity.CLOCK, 0, 1, "checkpoint for epoch 0 is dated ");
    }

    @Test
    void aCheckpointDatedAheadWithinReachSealsTheRecordsBeforeIt() throws Exception {
        long later = now + DAY;
        SegmentBytes segment = SegmentBytes.parse(segmentInEpoch(later, 0));
        // without FINAL and the closing checkpoint: META, CHECKPOINT (a day ahead), DATA
        segment.frames().remove(segment.frameCount() - 1);
        segment.frames().remove(segment.frameCount() - 1);

        Verified verified = verify(segment.bytes(), later, 0);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertFinding(verified, Finding.Severity.CLOCK, 0, 1, "ms after the verification time (later ones of this"
                + " segment are not reported again): the writer's clock ran ahead, or this machine's clock is behind");
        assertFinding(verified, Finding.Severity.UNCLOSED, "segment not closed (3 records): crash, truncation, or"
                + " still being written; 1 record(s) after the last checkpoint are not sealed");
        assertThat(verified.report().findings()).as(verified.describe()).hasSize(2);
    }

    /**
     * A closed sealed segment written in seal epoch {@code epoch} of a chain whose epoch 0 starts at
     * {@code chainOrigin}: META, CHECKPOINT, DATA, closing CHECKPOINT, FINAL.
     */
    private static byte[] segmentInEpoch(long chainOrigin, long epoch) throws Exception {
        TestSealKeys keys = new TestSealKeys(SegmentFixture.sealSeed(), chainOrigin, INTERVAL_SECONDS);
        keys.advanceTo(epoch);
        long start = chainOrigin + epoch * EPOCH;
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), start + 500);
        fixture.event("from the future\n", start + 1_000);
        fixture.close(start + 2_000);
        return fixture.bytes();
    }

    private Verified verify(byte[] segment, long chainOrigin, long skewMs) throws Exception {
        SeriesVerifier.Options options = new SeriesVerifier.Options(List.of(KEK),
                List.of(new TestSealVerifier(SegmentFixture.sealSeed(), chainOrigin, INTERVAL_SECONDS)), false,
                List.of(), skewMs, false);
        return Verified.bytes(options, dir.resolve("ahead.lse"), segment);
    }

    private TestSealKeys keys() {
        return new TestSealKeys(SegmentFixture.sealSeed(), origin, INTERVAL_SECONDS);
    }

    private Verified verify(byte[] segment) throws Exception {
        return verify(segment, origin, 0);
    }
}
