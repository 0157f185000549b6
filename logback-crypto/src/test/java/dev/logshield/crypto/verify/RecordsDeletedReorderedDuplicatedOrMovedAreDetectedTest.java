package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole records cut and pasted with a hex editor: deleting record k, swapping k and k+1, duplicating k, or
 * replacing k with record k of another segment encrypted for the same key. The sequence number in every record's
 * nonce and associated data, and the per-segment record key, make each one fail authentication exactly where the
 * stream stops being the writer's (exit 1, that record's seq and offset), and nothing from there on is released.
 * An auditor without the record key finds the same edits at the next checkpoint of a sealed segment.
 */
class RecordsDeletedReorderedDuplicatedOrMovedAreDetectedTest {

    private static final TestKek KEK = TestKek.random();
    /** Frame 0 is META, frames 1..6 are DATA "event 0".."event 5", frame 7 is FINAL. */
    private static final int K = 3;

    @TempDir
    Path dir;

    @Test
    void aDeletedRecordIsDetectedWhereItWas() throws Exception {
        SegmentBytes segment = segment();
        segment.frames().remove(K);

        assertTamperedAt(segment, K, "event 0\n", "event 1\n");
    }

    @Test
    void twoSwappedRecordsAreDetectedAtTheFirst() throws Exception {
        SegmentBytes segment = segment();
        byte[] k = segment.frames().get(K);
        segment.frames().set(K, segment.frames().get(K + 1));
        segment.frames().set(K + 1, k);

        assertTamperedAt(segment, K, "event 0\n", "event 1\n");
    }

    @Test
    void aDuplicatedRecordIsDetectedAtTheCopy() throws Exception {
        SegmentBytes segment = segment();
        segment.frames().add(K + 1, segment.frame(K));

        assertTamperedAt(segment, K + 1, "event 0\n", "event 1\n", "event 2\n");
    }

    @Test
    void aRecordMovedFromAnotherSegmentForTheSameKeyIsDetectedWhereItLands() throws Exception {
        SegmentFixture first = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                ChainLink.seriesStart(), List.of(KEK), 1_000);
        for (int i = 0; i < 6; i++) {
            first.event("A" + i + "\n", 1_000 + i);
        }
        first.rollOver(2_000);
        SegmentFixture second = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                first.writer.nextLink(), List.of(KEK), 2_000);
        for (int i = 0; i < 6; i++) {
            second.event("B" + i + "\n", 2_000 + i);
        }
        second.close(3_000);
        SegmentBytes a = SegmentBytes.parse(first.bytes());
        SegmentBytes b = SegmentBytes.parse(second.bytes());
        b.frames().set(K, a.frame(K));
        Path fileA = dir.resolve("app.0.lse");
        Path fileB = dir.resolve("app.1.lse");
        Files.write(fileA, a.bytes());
        Files.write(fileB, b.bytes());

        Verified verified = Verified.files(Verified.options(List.of(KEK), null), List.of(fileA, fileB));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.file()).isEqualTo(fileB.toString());
        assertThat(problem.seriesIndex()).isEqualTo(1);
        assertThat(problem.seq()).isEqualTo(K);
        assertThat(problem.offset()).isEqualTo(b.offsetOf(K));
        assertThat(verified.releasedTexts()).containsExactly("A0\n", "A1\n", "A2\n", "A3\n", "A4\n", "A5\n",
                "B0\n", "B1\n");
    }

    @Test
    void anAuditorWithoutTheRecordKeyFindsADeletedRecordAtTheNextCheckpoint() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        int deleted = segment.seqsOf(FrameType.DATA).get(0);
        segment.frames().remove(deleted);
        int nextCheckpoint = segment.seqsOf(FrameType.CHECKPOINT).stream().filter(seq -> seq > deleted)
                .findFirst().orElseThrow();

        Verified verified = Verified.bytes(Verified.options(List.of(), SegmentFixture.sealVerifier()),
                dir.resolve("audited.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(nextCheckpoint);
        assertThat(problem.offset()).isEqualTo(segment.offsetOf(nextCheckpoint));
        assertThat(verified.released()).isEmpty();
    }

    private static SegmentBytes segment() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 6));
        assertThat(segment.seqsOf(FrameType.DATA)).containsExactly(1, 2, 3, 4, 5, 6);
        return segment;
    }

    private void assertTamperedAt(SegmentBytes segment, int seq, String... released) throws Exception {
        Verified verified = Verified.bytes(KEK, dir.resolve("edited.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.severity()).isEqualTo(Finding.Severity.TAMPERED);
        assertThat(problem.seq()).isEqualTo(seq);
        assertThat(problem.offset()).isEqualTo(segment.offsetOf(seq));
        assertThat(problem.message()).contains("fails authentication");
        assertThat(verified.releasedTexts()).containsExactly(released);
    }
}
