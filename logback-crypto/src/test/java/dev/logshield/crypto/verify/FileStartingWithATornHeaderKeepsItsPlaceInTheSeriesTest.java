package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.FrameSink;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash right after a rollover can leave the new file with only the first bytes of its segment header; the
 * restarted writer appends its segment to that file. The file still takes its place in the series from the first
 * whole segment in it, so the series verifies as unclosed (4), with the torn header reported, and not as files
 * missing or out of order.
 */
class FileStartingWithATornHeaderKeepsItsPlaceInTheSeriesTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;

    @TempDir
    Path dir;

    @Test
    void aRestartedFileAfterACrashAtRolloverIsVerifiedInSeriesOrder() throws Exception {
        TestSealKeys seal = SegmentFixture.sealKeys();
        // app.0: a closed segment
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        SegmentWriter zero = start(first::write, seal, ChainLink.seriesStart(), T0);
        write(zero, "in file 0\n", T0 + 1);
        zero.finish(SegmentWriter.FinalReason.ROLLOVER, T0 + 2);
        // app.1: the crash cuts the new segment's header after 40 bytes; the restart appends a segment there
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try {
            start((b, o, l) -> {
                second.write(b, o, 40);
                throw new IOException("crash");
            }, seal, zero.nextLink(), T0 + 3);
            throw new AssertionError("the sink did not fail");
        } catch (IOException expected) {
            // the writer was killed while it wrote the header
        }
        SegmentWriter one = start(second::write, seal, zero.nextLink(), T0 + 1_000);
        write(one, "in file 1\n", T0 + 1_001);
        one.finish(SegmentWriter.FinalReason.ROLLOVER, T0 + 1_002);
        // app.2: the next rollover
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        SegmentWriter two = start(third::write, seal, one.nextLink(), T0 + 2_000);
        write(two, "in file 2\n", T0 + 2_001);
        two.finish(SegmentWriter.FinalReason.CLOSE, T0 + 2_002);
        Path file0 = Files.write(dir.resolve("app.0.lse"), first.toByteArray());
        Path file1 = Files.write(dir.resolve("app.1.lse"), second.toByteArray());
        Path file2 = Files.write(dir.resolve("app.2.lse"), third.toByteArray());

        Verified verified = Verified.files(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                List.of(file0, file1, file2));

        assertThat(FileSeries.inSeriesOrder(List.of(file2, file1, file0))).containsExactly(file0, file1, file2);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        Finding torn = verified.first(Finding.Severity.UNCLOSED);
        assertThat(torn.file()).isEqualTo(file1.toString());
        assertThat(torn.offset()).isZero();
        assertThat(torn.message()).contains("cut short (40 bytes)", "restarted");
        assertThat(verified.releasedTexts()).containsExactly("in file 0\n", "in file 1\n", "in file 2\n");
    }

    private static SegmentWriter start(FrameSink sink, TestSealKeys seal, ChainLink link, long nowMs) throws Exception {
        return SegmentWriter.start(sink, SegmentFixture.sealed(seal, 0, null), link, List.of(KEK),
                new SegmentMetadata(Map.of()), new SecureRandom(), nowMs);
    }

    private static void write(SegmentWriter writer, String text, long nowMs) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, nowMs);
    }
}
