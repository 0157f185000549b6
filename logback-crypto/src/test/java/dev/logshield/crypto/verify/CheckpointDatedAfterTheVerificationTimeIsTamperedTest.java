package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
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
 * A checkpoint cannot be dated after the moment it is verified: one that is (sealed ahead by a host holding a
 * current key, or by a writer whose clock runs ahead) is TAMPERED before its key is even derived, unless the skew
 * allows for it. The segment is written by the real writer at times a day ahead of the test's clock, on a seal
 * chain whose epochs start then; nothing depends on how fast the test runs.
 */
class CheckpointDatedAfterTheVerificationTimeIsTamperedTest {

    private static final TestKek KEK = TestKek.random();
    private static final long DAY_MS = 86_400_000L;
    private static final byte[] SEED = SegmentFixture.sealSeed();

    @TempDir
    Path dir;

    @Test
    void aCheckpointADayAheadIsTampered() throws Exception {
        long origin = System.currentTimeMillis() + DAY_MS;

        Verified verified = verify(segmentAt(origin), origin, 0);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = verified.first(Finding.Severity.TAMPERED);
        assertThat(finding.seq()).isEqualTo(1);
        assertThat(finding.message()).isEqualTo("checkpoint for epoch 0 is dated after the verification time (forged,"
                + " or the writer's clock is wrong)");
    }

    @Test
    void aSkewLargerThanTheAdvanceAcceptsIt() throws Exception {
        long origin = System.currentTimeMillis() + DAY_MS;

        Verified verified = verify(segmentAt(origin), origin, 2 * DAY_MS);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    @Test
    void recordsAfterACheckpointDatedAheadAreNotSealed() throws Exception {
        long origin = System.currentTimeMillis() + DAY_MS;
        SegmentBytes segment = SegmentBytes.parse(segmentAt(origin));
        segment.frames().remove(segment.frameCount() - 1);
        segment.frames().remove(segment.frameCount() - 1);

        Verified verified = verify(segment.bytes(), origin, 0);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 1, "is dated after the verification time");
        assertFinding(verified, Finding.Severity.UNCLOSED, "; 2 record(s) after the last checkpoint are not sealed");
    }

    /** A closed sealed segment written from {@code origin} + 500 ms on a seal chain whose epoch 0 starts at origin. */
    private static byte[] segmentAt(long origin) throws Exception {
        TestSealKeys seal = new TestSealKeys(SEED, origin, SegmentFixture.SEAL_INTERVAL_SECONDS);
        SegmentFixture segment = new SegmentFixture().start(SegmentFixture.sealed(seal, 0, null),
                ChainLink.seriesStart(), List.of(KEK), origin + 500);
        segment.event("from the future\n", origin + 1_000);
        segment.close(origin + 2_000);
        return segment.bytes();
    }

    private Verified verify(byte[] segment, long origin, long skewMs) throws Exception {
        SeriesVerifier.Options options = new SeriesVerifier.Options(List.of(KEK),
                new TestSealVerifier(SEED, origin, SegmentFixture.SEAL_INTERVAL_SECONDS), false, List.of(), skewMs,
                false);
        return Verified.bytes(options, dir.resolve("ahead.lse"), segment);
    }
}
