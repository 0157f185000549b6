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
 * Deleting a file from the middle of a rotation series leaves a hole in the series indexes and in the chain of
 * segment links: tampered (1), reported at the first segment after the hole, and no record after it is released.
 */
class DeletedMiddleFileBreaksTheSeriesTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aMissingMiddleSegmentIsReportedAtTheSegmentAfterIt() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);
        List<Path> files = series.files();
        Files.delete(series.file(2));
        files.remove(2);

        Verified verified = Verified.files(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), files);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.file()).isEqualTo(series.file(3).toString());
        assertThat(problem.seriesIndex()).isEqualTo(3);
        assertThat(problem.offset()).isZero();
        assertThat(problem.message()).contains("2..2", "missing");
        assertThat(verified.releasedTexts()).isEqualTo(RotatedSeries.texts(0, 1));
    }

    @Test
    void theCompleteSeriesIsIntact() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 4);

        Verified verified = Verified.files(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                series.files());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).isEqualTo(RotatedSeries.texts(0, 1, 2, 3));
    }
}
