package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.RotatedSeries;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting the newest file leaves a shorter series that is intact on its own terms: no format can tell (0). The
 * checkpoints the writer also published as anchor lines ({@link Anchor#line}) to another host prove that the
 * deleted segment existed (1); the same anchors catch the newest file cut back to an earlier frame boundary.
 */
class DeletedNewestFileIsCaughtOnlyWithAnAnchorTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void withoutAnAnchorTheShorterSeriesVerifies() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        List<Path> files = withoutNewest(series);

        Verified verified = Verified.files(options(List.of()), files);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).isEqualTo(RotatedSeries.texts(0, 1, 2));
    }

    @Test
    void withTheAnchorsTheMissingSegmentIsTampering() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        List<Anchor> anchors = Anchor.parseAll("collector noise\n" + series.anchorLog());
        List<Path> files = withoutNewest(series);

        Verified verified = Verified.files(options(anchors), files);

        assertThat(anchors).hasSize(8);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.report().findings()).filteredOn(f -> f.severity() == Finding.Severity.TAMPERED)
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.seriesIndex()).isEqualTo(3);
                    assertThat(f.message()).contains("is missing");
                });
    }

    @Test
    void withTheAnchorsTheNewestFileCutToAFrameBoundaryIsTampering() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        SegmentBytes newest = SegmentBytes.parse(Files.readAllBytes(series.file(3)));
        int lastCheckpoint = newest.seqsOf(FrameType.CHECKPOINT).get(1);
        Files.write(series.file(3), Arrays.copyOf(newest.bytes(), (int) newest.offsetOf(lastCheckpoint)));

        Verified unanchored = Verified.files(options(List.of()), series.files());
        Verified anchored = Verified.files(options(Anchor.parseAll(series.anchorLog())), series.files());

        assertThat(unanchored.exitCode()).as(unanchored.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(anchored.exitCode()).as(anchored.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = anchored.first(Finding.Severity.TAMPERED);
        assertThat(problem.seriesIndex()).isEqualTo(3);
        assertThat(problem.seq()).isEqualTo(lastCheckpoint);
        assertThat(problem.message()).contains("truncated");
    }

    private static List<Path> withoutNewest(RotatedSeries series) throws Exception {
        List<Path> files = series.files();
        Files.delete(series.file(3));
        files.remove(3);
        return files;
    }

    private static SeriesVerifier.Options options(List<Anchor> anchors) {
        return Verified.withAnchors(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), anchors);
    }
}
