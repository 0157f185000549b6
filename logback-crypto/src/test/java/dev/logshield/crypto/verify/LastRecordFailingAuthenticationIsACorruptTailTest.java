package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static dev.logshield.crypto.testing.FindingAssertions.assertNoFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash never leaves a whole frame that fails authentication: a torn write is shorter than its length field. So
 * when the only record that fails is the last frame of a segment without FINAL, the reader says so ("the failing
 * record is the segment's last: a corrupt tail") rather than let it pass for a crash; that note is kept for exactly
 * that case: not when another record fails too, not when a good record follows, not when the failing frame is
 * FINAL (a damaged FINAL is reported as such). Unsealed segment of three records: 0 META, 1..3 DATA, 4 FINAL.
 */
class LastRecordFailingAuthenticationIsACorruptTailTest {

    private static final TestKek KEK = TestKek.random();
    private static final String CORRUPT_TAIL = "the failing record is the segment's last: a corrupt tail";
    private static final int FINAL = 4;

    @TempDir
    Path dir;

    @Test
    void aDamagedLastRecordOfAnUnclosedSegmentIsACorruptTail() throws Exception {
        SegmentBytes segment = segment();
        segment.frames().remove(FINAL);
        damage(segment, 3);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 3, "DATA record fails authentication");
        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, 3, CORRUPT_TAIL);
        assertThat(finding.offset()).isEqualTo(-1);
    }

    @Test
    void aDamagedMetaThatIsTheOnlyFrameIsACorruptTail() throws Exception {
        SegmentBytes segment = segment();
        while (segment.frameCount() > 1) {
            segment.frames().remove(1);
        }
        damage(segment, 0);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 0, CORRUPT_TAIL);
    }

    @Test
    void twoDamagedRecordsAreNotATail() throws Exception {
        SegmentBytes segment = segment();
        segment.frames().remove(FINAL);
        damage(segment, 2);
        damage(segment, 3);

        Verified verified = reader(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertNoFinding(verified, CORRUPT_TAIL);
    }

    @Test
    void aDamagedRecordFollowedByAGoodOneIsNotATail() throws Exception {
        SegmentBytes segment = segment();
        segment.frames().remove(FINAL);
        damage(segment, 2);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 2, "DATA record fails authentication");
        assertNoFinding(verified, CORRUPT_TAIL);
    }

    @Test
    void aDamagedLastRecordBeforeFinalIsNotATail() throws Exception {
        SegmentBytes segment = segment();
        damage(segment, 3);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 3, "DATA record fails authentication");
        assertNoFinding(verified, CORRUPT_TAIL);
    }

    @Test
    void aDamagedFinalIsReportedAsSuchNotAsATail() throws Exception {
        SegmentBytes segment = segment();
        damage(segment, FINAL);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL, "FINAL record fails authentication");
        assertNoFinding(verified, CORRUPT_TAIL);
    }

    @Test
    void aFinalThatIsTheOnlyFrameIsReportedAsSuchNotAsATail() throws Exception {
        SegmentBytes segment = segment();
        while (segment.frameCount() > 1) {
            segment.frames().remove(0);
        }

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 0, "FINAL record fails authentication");
        assertNoFinding(verified, CORRUPT_TAIL);
        assertThat(verified.report().has(Finding.Severity.UNCLOSED)).as(verified.describe()).isFalse();
    }

    private static SegmentBytes segment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 3));
    }

    /** Flips the last bit of frame {@code seq} (its AEAD tag): whole, and no longer authentic. */
    private static void damage(SegmentBytes segment, int seq) {
        byte[] frame = segment.frames().get(seq);
        frame[frame.length - 1] ^= 1;
    }

    private Verified reader(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), null), dir.resolve("segment.lse"), segment.bytes());
    }
}
