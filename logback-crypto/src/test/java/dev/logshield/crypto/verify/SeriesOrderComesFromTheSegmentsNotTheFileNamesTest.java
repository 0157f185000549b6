package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.RotatedSeries;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are put in series order by the series index in their segments, not by their names: swapping two files'
 * names changes nothing (intact). What cannot be hidden is a content chain that is broken: a verifier fed the
 * segments out of order reports it, and a segment replaced by another series' segment with the right index fails
 * the link check.
 */
class SeriesOrderComesFromTheSegmentsNotTheFileNamesTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void swappingTwoFilesNamesStillVerifiesInSeriesOrder() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        swap(series.file(1), series.file(2));

        Verified verified = Verified.files(options(), series.files());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).isEqualTo(RotatedSeries.texts(0, 1, 2, 3));
    }

    @Test
    void segmentsFedOutOfOrderAreReportedWhereTheOrderBreaks() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        SeriesVerifier verifier = new SeriesVerifier(options(), (core, seq, payload) -> { });
        for (int segment : new int[] {0, 2, 1, 3}) {
            FileSeries.scan(series.file(segment), verifier);
        }

        VerificationReport report = verifier.finish();

        assertThat(report.exitCode()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(report.findings()).filteredOn(f -> f.severity() == Finding.Severity.TAMPERED)
                .extracting(Finding::seriesIndex).startsWith(2L, 1L);
    }

    @Test
    void aSegmentReplacedByAnotherSeriesSegmentWithTheSameIndexBreaksTheChain() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        Path other = Files.createDirectory(dir.resolve("other"));
        RotatedSeries impostor = RotatedSeries.write(other, "app", KEK, 4);
        Files.copy(impostor.file(2), series.file(2), StandardCopyOption.REPLACE_EXISTING);

        Verified verified = Verified.files(options(), series.files());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seriesIndex()).isEqualTo(2);
        assertThat(problem.offset()).isZero();
        assertThat(problem.message()).contains("chain broken");
        assertThat(verified.releasedTexts()).isEqualTo(RotatedSeries.texts(0, 1));
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }

    private static void swap(Path a, Path b) throws Exception {
        Path tmp = a.resolveSibling("swap.tmp");
        Files.move(a, tmp);
        Files.move(b, a);
        Files.move(tmp, b);
    }
}
