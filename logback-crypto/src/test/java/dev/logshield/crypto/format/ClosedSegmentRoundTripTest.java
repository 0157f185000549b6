package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClosedSegmentRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aClosedSegmentDecryptsToWhatWasWrittenAndVerifiesIntact(CipherSuite suite) throws Exception {
        TestKek key = TestKek.random();
        Path file = dir.resolve("a.lse");
        Files.write(file, SegmentFixture.closedSegment(key, suite, 50));

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        VerificationReport report = FileSeries.verify(List.of(file),
                new SeriesVerifier.Options(List.of(key), null, false, List.of(), 0, false),
                (core, seq, payload) -> plain.write(payload));

        assertThat(report.findings()).isEmpty();
        assertThat(report.exitCode()).isZero();
        assertThat(report.events()).isEqualTo(50);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            expected.append("event ").append(i).append('\n');
        }
        assertThat(plain.toString()).isEqualTo(expected.toString());
    }
}
