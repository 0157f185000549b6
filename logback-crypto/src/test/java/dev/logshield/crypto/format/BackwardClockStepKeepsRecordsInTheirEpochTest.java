package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A clock stepped back (NTP correcting a clock that ran ahead, or set before the seal origin) never moves the seal
 * epoch back and never dates a record outside the epoch whose checkpoint seals it: the writer seals at its clock
 * clamped into the current epoch, so the segment verifies INTACT with no finding at all.
 */
class BackwardClockStepKeepsRecordsInTheirEpochTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH = SegmentFixture.EPOCH_MS;

    @TempDir
    Path dir;

    @Test
    void aStepBackThreeEpochsIsIntact() throws Exception {
        TestSealKeys keys = SegmentFixture.sealKeys();
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(keys, 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 5 * EPOCH + 100);
        fixture.event("in epoch 5\n", T0 + 5 * EPOCH + 200);
        fixture.event("clock back in epoch 2\n", T0 + 2 * EPOCH + 300);
        fixture.writer.tick(T0 + 2 * EPOCH + 400);
        fixture.event("clock back again\n", T0 + 2 * EPOCH + 500);
        fixture.event("clock caught up, epoch 6\n", T0 + 6 * EPOCH + 100);
        fixture.close(T0 + 6 * EPOCH + 200);

        Verified verified = verify(fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).isEmpty();
        assertThat(verified.releasedTexts()).hasSize(4);
        assertThat(keys.currentEpoch()).isEqualTo(6);
    }

    @Test
    void aClockBeforeTheSealOriginIsIntact() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 - 10 * EPOCH);
        fixture.event("a clock in the past\n", T0 - 10 * EPOCH + 100);
        fixture.close(T0 - 10 * EPOCH + 200);

        Verified verified = verify(fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).isEmpty();
    }

    private Verified verify(byte[] segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), dir.resolve("back.lse"),
                segment);
    }
}
