package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.RotatedSeries;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention deletes the oldest files: a series whose first segment links to a predecessor that is not there starts
 * at that segment. That is reported for information and verifies intact (0).
 */
class DeletedOldestFileIsTheSeriesStartTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aSeriesWithoutItsOldestFileVerifiesIntactFromItsNewStart() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        List<Path> files = series.files();
        Files.delete(series.file(0));
        files.remove(0);

        Verified verified = Verified.files(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), files);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(f.seriesIndex()).isEqualTo(1);
            assertThat(f.message()).contains("series starts at segment 1");
        });
        assertThat(verified.releasedTexts()).isEqualTo(RotatedSeries.texts(1, 2, 3));
    }
}
