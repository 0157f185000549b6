package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static dev.logshield.crypto.testing.FindingAssertions.assertNoFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment's first checkpoint continues the seal epochs of the segment before it in the series: the same epoch or a
 * later one (a gap between the two is downtime, never tampering), never an earlier one, which is TAMPERED (a
 * segment sealed from an old key, or put after a newer one). The predecessor's epoch carries over an unsealed
 * segment in between, and is not compared across a missing segment (reported as such). Each segment is written by
 * the real writer, linked to the one before, and checked by the reader and the auditor together.
 */
class SealEpochsNeverGoBackAcrossSegmentsTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH_MS = SegmentFixture.EPOCH_MS;

    @TempDir
    Path dir;

    private final List<Path> files = new ArrayList<>();
    private ChainLink link = ChainLink.seriesStart();

    @Test
    void aSegmentOpeningInAnEarlierEpochThanItsPredecessorClosedIsTampered() throws Exception {
        sealed(SegmentFixture.sealKeys(), 2);
        sealed(SegmentFixture.sealKeys(), 0);

        Verified verified = verify();

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = verified.first(Finding.Severity.TAMPERED);
        assertThat(finding.message()).isEqualTo("segment opens at seal epoch 0, before its predecessor's last epoch 2");
        assertThat(finding.seriesIndex()).isEqualTo(1);
        assertThat(finding.seq()).isEqualTo(1);
        assertThat(finding.file()).isEqualTo(files.get(1).toString());
        // it is no baseline: the segment's closing checkpoint is judged against the predecessor too
        assertFinding(verified, Finding.Severity.TAMPERED, 1, 3,
                "segment opens at seal epoch 0, before its predecessor's last epoch 2");
    }

    @Test
    void aSegmentOpeningInTheEpochItsPredecessorClosedInIsIntact() throws Exception {
        TestSealKeys seal = SegmentFixture.sealKeys();
        sealed(seal, 2);
        sealed(seal, 2);

        Verified verified = verify();

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    @Test
    void aSegmentOpeningInTheNextEpochIsIntact() throws Exception {
        TestSealKeys seal = SegmentFixture.sealKeys();
        sealed(seal, 2);
        sealed(seal, 3);

        Verified verified = verify();

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    @Test
    void epochsWithoutCheckpointsBetweenSegmentsAreDowntimeNotTampering() throws Exception {
        TestSealKeys seal = SegmentFixture.sealKeys();
        sealed(seal, 0);
        sealed(seal, 3);

        Verified verified = verify();

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isNotEqualTo(Finding.Severity.TAMPERED);
            assertThat(f.seriesIndex()).isEqualTo(1);
            assertThat(f.message()).contains("seal epochs 1..2 have no checkpoints");
        });
    }

    @Test
    void theEpochCarriesOverAnUnsealedSegmentInBetween() throws Exception {
        sealed(SegmentFixture.sealKeys(), 3);
        unsealed();
        sealed(SegmentFixture.sealKeys(), 1);

        Verified verified = verify();

        assertFinding(verified, Finding.Severity.TAMPERED, 2, 1,
                "segment opens at seal epoch 1, before its predecessor's last epoch 3");
    }

    @Test
    void epochsAreNotComparedAcrossAMissingSegment() throws Exception {
        TestSealKeys seal = SegmentFixture.sealKeys();
        sealed(seal, 3);
        sealed(seal, 3);
        sealed(SegmentFixture.sealKeys(), 1);
        Files.delete(files.remove(1));

        Verified verified = verify();

        assertFinding(verified, Finding.Severity.TAMPERED, 2, -1, "segment(s) 1..1 of the series are missing");
        assertNoFinding(verified, "before its predecessor");
    }

    /** Appends a closed segment sealed by {@code seal}, written within seal epoch {@code epoch}. */
    private void sealed(TestSealKeys seal, int epoch) throws Exception {
        write(SegmentFixture.sealed(seal, 0, null), T0 + epoch * EPOCH_MS + 100);
    }

    private void unsealed() throws Exception {
        write(SegmentFixture.unsealed(CipherSuite.AES_256_GCM), T0 + 100);
    }

    private void write(SegmentSettings settings, long startMs) throws Exception {
        SegmentFixture segment = new SegmentFixture().start(settings, link, List.of(KEK), startMs);
        segment.event("segment " + files.size() + "\n", startMs + 100);
        segment.rollOver(startMs + 200);
        link = segment.writer.nextLink();
        Path file = dir.resolve("app." + files.size() + ".lse");
        Files.write(file, segment.bytes());
        files.add(file);
    }

    private Verified verify() throws Exception {
        return Verified.files(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), files);
    }
}
