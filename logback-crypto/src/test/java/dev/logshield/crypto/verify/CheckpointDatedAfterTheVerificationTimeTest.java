package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.LseFormat;
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
 * The seal chain here starts an hour before the test runs, so the dates are real future dates.
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

    private TestSealKeys keys() {
        return new TestSealKeys(SegmentFixture.sealSeed(), origin, INTERVAL_SECONDS);
    }

    private Verified verify(byte[] segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK),
                new TestSealVerifier(SegmentFixture.sealSeed(), origin, INTERVAL_SECONDS)), dir.resolve("ahead.lse"), segment);
    }
}
