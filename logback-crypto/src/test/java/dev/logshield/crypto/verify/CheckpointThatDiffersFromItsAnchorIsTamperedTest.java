package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.RotatedSeries;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentRecordKey;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An anchor (a checkpoint published to another host) pins the digest of every record before it. A verifier that
 * holds nothing but the anchors catches the newest segment rewritten with consistent checkpoints, which it could
 * not tell from the writer's own otherwise: a checkpoint whose digest differs from its anchor is TAMPERED, and so is
 * an anchored checkpoint that is no longer at its place in a segment that still reaches past it. Frames of each
 * segment of the series: 0 META, 1 CHECKPOINT, 2 DATA, 3 DATA, 4 CHECKPOINT (closing), 5 FINAL.
 */
class CheckpointThatDiffersFromItsAnchorIsTamperedTest {

    private static final TestKek KEK = TestKek.random();
    private static final int NEWEST = 1;
    private static final int CLOSING_CHECKPOINT = 4;

    @TempDir
    Path dir;

    @Test
    void theUntouchedSeriesMatchesItsAnchors() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);

        Verified verified = anchorsOnly(series);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().findings()).noneMatch(f -> f.severity() == Finding.Severity.TAMPERED);
    }

    @Test
    void aRewrittenRecordUnderARestatedCheckpointDiffersFromTheAnchor() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        SegmentBytes newest = SegmentBytes.parse(Files.readAllBytes(series.file(NEWEST)));
        int data = newest.seqsOf(FrameType.DATA).get(0);
        newest.frames().get(data)[newest.frames().get(data).length - 1] ^= 1;
        SegmentRecordKey.of(newest, KEK).restateFrom(data + 1, null);
        Files.write(series.file(NEWEST), newest.bytes());

        Verified verified = anchorsOnly(series);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, NEWEST, CLOSING_CHECKPOINT,
                "checkpoint differs from its external anchor: records before it were modified");
        assertThat(finding.file()).isNull();
        assertThat(finding.offset()).isEqualTo(-1);
        assertThat(verified.report().findings()).filteredOn(f -> f.severity() == Finding.Severity.TAMPERED)
                .hasSize(1);
    }

    @Test
    void anAnchoredCheckpointRemovedFromASegmentThatGoesOnIsAModification() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        SegmentBytes newest = SegmentBytes.parse(Files.readAllBytes(series.file(NEWEST)));
        SegmentRecordKey key = SegmentRecordKey.of(newest, KEK);
        newest.frames().remove(1);
        key.restateFrom(1, null);
        Files.write(series.file(NEWEST), newest.bytes());

        Verified verified = anchorsOnly(series);

        assertFinding(verified, Finding.Severity.TAMPERED, NEWEST, 1,
                "anchored checkpoint at record 1 is not in the file: modified");
        assertFinding(verified, Finding.Severity.TAMPERED, NEWEST, CLOSING_CHECKPOINT,
                "anchored checkpoint at record 4 is not in the file: modified");
    }

    @Test
    void anAnchorAtRecordZeroIsCheckedNotDropped() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        Anchor opening = Anchor.parseAll(series.anchorLog()).get(2);
        String atZero = String.join(" ", "lse-anchor v1", opening.segmentIdHex(), "1", "0", "0",
                Long.toString(opening.timeMs()), opening.digestBase64(), opening.tagBase64());

        List<Anchor> anchors = Anchor.parseAll(atZero);
        Verified verified = Verified.files(Verified.withAnchors(Verified.options(List.of(), null), anchors),
                series.files());

        assertThat(anchors).singleElement().satisfies(a -> assertThat(a.seq()).isZero());
        assertFinding(verified, Finding.Severity.TAMPERED, NEWEST, 0,
                "anchored checkpoint at record 0 is not in the file: modified");
    }

    @Test
    void theReportBeforeFinishHasNoAnchorFindingsYet() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        Files.delete(series.file(NEWEST));
        SeriesVerifier verifier = new SeriesVerifier(Verified.withAnchors(Verified.options(List.of(), null),
                Anchor.parseAll(series.anchorLog())), (core, seq, payload) -> { });
        FileSeries.scan(series.file(0), verifier);

        VerificationReport before = verifier.report();
        assertThat(before.has(Finding.Severity.TAMPERED)).isFalse();
        VerificationReport after = verifier.finish();

        assertThat(after).isSameAs(before);
        assertThat(after.findings()).filteredOn(f -> f.message().contains("is missing")).hasSize(2);
    }

    /** Verification with the anchors alone: no record key, no seal key. */
    private static Verified anchorsOnly(RotatedSeries series) throws Exception {
        return Verified.files(Verified.withAnchors(Verified.options(List.of(), null),
                Anchor.parseAll(series.anchorLog())), series.files());
    }
}
