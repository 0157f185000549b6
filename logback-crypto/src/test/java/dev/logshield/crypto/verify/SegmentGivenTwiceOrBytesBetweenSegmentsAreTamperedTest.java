package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.testing.RotatedSeries;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The series as a whole: a segment that appears twice (a file copied under another name, or a segment pasted into
 * another file) is TAMPERED at its second appearance; bytes between two segments that are no segment (a header
 * overwritten in the middle of a file) are TAMPERED as bytes that belong to no segment; and files without any
 * segment are verified after the others, whatever their names.
 */
class SegmentGivenTwiceOrBytesBetweenSegmentsAreTamperedTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aSegmentGivenTwiceIsDuplicated() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        Path copy = dir.resolve("app.1.copy.lse");
        Files.copy(series.file(1), copy);
        List<Path> files = series.files();
        files.add(copy);

        Verified verified = Verified.files(options(), files);

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, "appears twice (duplicated)");
        assertThat(finding.seriesIndex()).isEqualTo(1);
        assertThat(finding.offset()).isZero();
        assertThat(verified.first(Finding.Severity.TAMPERED)).isEqualTo(finding);
    }

    @Test
    void anOverwrittenHeaderBetweenTwoSegmentsIsBytesOfNoSegment() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        byte[] first = Files.readAllBytes(series.file(0));
        byte[] second = Files.readAllBytes(series.file(1));
        // an unknown header flag: the second segment's core no longer parses
        second[LseFormat.magic().length + 2] = (byte) 0x80;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(first);
        file.writeBytes(second);

        Verified verified = Verified.bytes(options(), dir.resolve("both.lse"), file.toByteArray());

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED,
                second.length + " bytes that belong to no segment (not frames)");
        assertThat(finding.offset()).isEqualTo(first.length);
        assertThat(verified.report().segments()).isEqualTo(1);
    }

    @Test
    void filesWithoutASegmentAreVerifiedAfterTheSeries() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 2);
        Path empty = Files.createFile(dir.resolve("a-created-but-empty.lse"));

        List<Path> ordered = FileSeries.inSeriesOrder(List.of(empty, series.file(1), series.file(0)));

        assertThat(ordered).containsExactly(series.file(0), series.file(1), empty);
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }
}
