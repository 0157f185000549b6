package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ByteSource;
import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.FrameSink;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash cuts a write short; the restarted writer never touches the old bytes and appends a new segment linked to
 * the digest through the last whole frame ({@link SegmentWriter#nextLink()}, or the same link computed by scanning
 * the file without a key). For every length of the torn leftovers, a torn frame and a torn segment header alike:
 * the leftovers are reported where they start, the crashed segment is unclosed, the new segment links, nothing is
 * tampering (exit 4), and every whole record of both segments is released.
 */
class RestartAfterACrashLinksToTheLastWholeRecordTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;

    @TempDir
    Path dir;

    @Test
    void aTornFrameOfAnyLengthIsReportedAndTheRestartedSegmentLinks() throws Exception {
        int frameLength = tornFrameLength();
        for (int kept = 1; kept < frameLength; kept++) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            TestSealKeys seal = SegmentFixture.sealKeys();
            CrashingSink sink = new CrashingSink(file);
            SegmentWriter crashed = start(sink, seal, ChainLink.seriesStart(), T0);
            write(crashed, "before the crash\n", T0 + 1);
            long wholeFrames = crashed.frames();
            int tornAt = file.size();
            sink.crashAfter(kept);
            try {
                write(crashed, "lost in the crash\n", T0 + 2);
                throw new AssertionError("the sink did not fail");
            } catch (IOException expected) {
                // the appender abandons the segment and starts a new one after the torn bytes
            }
            ChainLink link = crashed.nextLink();
            assertThat(crashed.isAbandoned()).isTrue();
            assertThat(linkByScanning(file.toByteArray())).usingRecursiveComparison().isEqualTo(link);

            SegmentWriter restarted = start(file::write, seal, link, T0 + 3_000);
            write(restarted, "after the restart\n", T0 + 3_001);
            restarted.finish(SegmentWriter.FinalReason.CLOSE, T0 + 3_002);

            Verified verified = Verified.bytes(options(), dir.resolve("restart.lse"), file.toByteArray());

            String context = kept + " torn bytes: " + verified.describe();
            assertThat(verified.exitCode()).as(context).isEqualTo(VerificationReport.UNCLOSED);
            assertThat(verified.report().has(Finding.Severity.TAMPERED)).as(context).isFalse();
            Finding tail = verified.first(Finding.Severity.UNCLOSED);
            assertThat(tail.seriesIndex()).as(context).isZero();
            assertThat(tail.seq()).as(context).isEqualTo(wholeFrames);
            assertThat(tail.offset()).as(context).isEqualTo(tornAt);
            assertThat(tail.message()).as(context).contains(kept + " byte(s)", "restarted",
                    kept <= 3 ? "zero-filled" : "torn tail");
            assertThat(verified.report().segments()).isEqualTo(2);
            assertThat(verified.releasedTexts()).as(context)
                    .containsExactly("before the crash\n", "after the restart\n");
        }
    }

    @Test
    void aTornSegmentHeaderOfAnyLengthIsReportedAndTheRestartLinksToTheSegmentBeforeIt() throws Exception {
        int headerLength = headerLength();
        for (int kept = 1; kept < headerLength; kept++) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            TestSealKeys seal = SegmentFixture.sealKeys();
            SegmentWriter first = start(file::write, seal, ChainLink.seriesStart(), T0);
            write(first, "first segment, never closed\n", T0 + 1);
            int tornAt = file.size();
            CrashingSink sink = new CrashingSink(file);
            sink.crashAfter(kept);
            try {
                start(sink, seal, first.nextLink(), T0 + 2);
                throw new AssertionError("the sink did not fail");
            } catch (IOException expected) {
                // crash while the rolled-over segment's header was written
            }
            ChainLink link = linkByScanning(file.toByteArray());
            assertThat(link).usingRecursiveComparison().isEqualTo(first.nextLink());

            SegmentWriter restarted = start(file::write, seal, link, T0 + 3_000);
            write(restarted, "after the restart\n", T0 + 3_001);
            restarted.finish(SegmentWriter.FinalReason.CLOSE, T0 + 3_002);

            Verified verified = Verified.bytes(options(), dir.resolve("restart.lse"), file.toByteArray());

            String context = kept + " header bytes: " + verified.describe();
            assertThat(verified.exitCode()).as(context).isEqualTo(VerificationReport.UNCLOSED);
            assertThat(verified.report().has(Finding.Severity.TAMPERED)).as(context).isFalse();
            int torn = kept;
            assertThat(verified.report().findings()).as(context).anySatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Finding.Severity.UNCLOSED);
                assertThat(f.offset()).isEqualTo(tornAt);
                assertThat(f.message()).containsPattern("(^|\\D)" + torn + " byte").contains("restarted");
            });
            assertThat(verified.report().segments()).isEqualTo(2);
            assertThat(verified.releasedTexts()).as(context)
                    .containsExactly("first segment, never closed\n", "after the restart\n");
        }
    }

    /** The link a restarted writer computes without a key: the last segment's id and digest through its last whole frame. */
    private static ChainLink linkByScanning(byte[] file) throws IOException {
        LseScanner scanner = new LseScanner(ByteSource.of(file));
        ScanItem.SegmentStart start = null;
        ScanItem.SegmentEnd end = null;
        ScanItem item = scanner.next();
        while (item != null) {
            if (item instanceof ScanItem.SegmentStart s) {
                start = s;
            } else if (item instanceof ScanItem.SegmentEnd e) {
                end = e;
            }
            item = item instanceof ScanItem.EndOfData ? scanner.finish() : scanner.next();
        }
        return new ChainLink(start.core().seriesIndex() + 1, start.core().segmentId(), end.digest());
    }

    private static int tornFrameLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentWriter writer = start(out::write, SegmentFixture.sealKeys(), ChainLink.seriesStart(), T0);
        write(writer, "before the crash\n", T0 + 1);
        int before = out.size();
        write(writer, "lost in the crash\n", T0 + 2);
        return out.size() - before;
    }

    private static int headerLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> writes = new ArrayList<>();
        start((b, o, l) -> writes.add(l), SegmentFixture.sealKeys(), ChainLink.seriesStart(), T0);
        return writes.get(0);
    }

    private static SegmentWriter start(FrameSink sink, TestSealKeys seal, ChainLink link, long nowMs) throws Exception {
        SegmentSettings settings = SegmentFixture.sealed(seal, 0, null);
        return SegmentWriter.start(sink, settings, link, List.of(KEK),
                new SegmentMetadata(Map.of(SegmentMetadata.Field.HOSTNAME, "test-host")), new SecureRandom(), nowMs);
    }

    private static void write(SegmentWriter writer, String text, long nowMs) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, nowMs);
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }

    /** A file that takes whole writes until told to crash: then it keeps the first bytes of the next write and fails. */
    private static final class CrashingSink implements FrameSink {
        private final ByteArrayOutputStream out;
        private int crashAfter = -1;

        CrashingSink(ByteArrayOutputStream out) {
            this.out = out;
        }

        void crashAfter(int bytes) {
            crashAfter = bytes;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (crashAfter >= 0) {
                out.write(bytes, offset, Math.min(crashAfter, length));
                throw new IOException("simulated crash");
            }
            out.write(bytes, offset, length);
        }
    }
}
