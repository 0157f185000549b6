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
 * Truncation is only undetectable at the end of a series: a rotated file cut short, or given a frame length that
 * runs past its end (which alone reads like a torn tail), no longer ends with the digest the next segment links to,
 * so the series is tampered (1) at the next segment.
 */
class TruncatedRotatedFileBreaksTheChainTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aRotatedFileWithoutItsFinalRecordBreaksTheChain() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 3);
        SegmentBytes middle = SegmentBytes.parse(Files.readAllBytes(series.file(1)));
        int fin = middle.seqsOf(FrameType.FINAL).get(0);
        Files.write(series.file(1), Arrays.copyOf(middle.bytes(), (int) middle.offsetOf(fin)));

        assertChainBrokenAtSegment2(series);
    }

    @Test
    void aRotatedFileWithALengthRunningPastItsEndBreaksTheChain() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 3);
        SegmentBytes middle = SegmentBytes.parse(Files.readAllBytes(series.file(1)));
        byte[] bytes = middle.bytes();
        int data = middle.seqsOf(FrameType.DATA).get(0);
        bytes[(int) middle.offsetOf(data) + 2] = 0x10;
        Files.write(series.file(1), bytes);

        assertChainBrokenAtSegment2(series);
    }

    private static void assertChainBrokenAtSegment2(RotatedSeries series) throws Exception {
        Verified verified = Verified.files(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                series.files());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.first(Finding.Severity.TAMPERED);
        assertThat(problem.seriesIndex()).isEqualTo(2);
        assertThat(problem.offset()).isZero();
        assertThat(problem.message()).contains("chain broken");
        assertThat(verified.releasedTexts()).doesNotContainAnyElementsOf(RotatedSeries.texts(2));
    }
}
