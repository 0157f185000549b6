package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrupted length field cannot make a reader allocate what it announces: frame bodies are capped at 16 MiB and
 * key blocks at 64 KiB, and the scanner checks the cap before it reads. A frame length of 0x7FFFFFFF, or of
 * 16 MiB + 1 in a file long enough to hold it, is read as broken structure (tampered, at that frame) with no read
 * larger than the scanner's 64 KiB search window and less than 2 MiB allocated in all; a frame of exactly 16 MiB is
 * still read as a frame.
 */
class OversizedLengthFieldIsNeverAllocatedTest {

    private static final TestKek KEK = TestKek.random();
    private static final int WINDOW = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aLengthOf0x7fffffffIsNotReadAndIsTamperingAtThatFrame() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        int k = 2;
        byte[] file = withLength(segment.bytes(), segment.offsetOf(k), 0x7FFFFFFFL);

        Scan scan = scan(new VirtualFile(file, file.length));
        Verified verified = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("huge.lse"), file);

        assertThat(scan.largestRead).isLessThanOrEqualTo(WINDOW);
        assertThat(scan.largestBody).isLessThan(WINDOW);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(k);
        assertThat(problem.offset()).isEqualTo(segment.offsetOf(k));
    }

    @Test
    void oneByteOverTheCapIsNotReadEvenWhenTheFileHoldsIt() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        int k = 2;
        byte[] prefix = withLength(segment.bytes(), segment.offsetOf(k), LseFormat.MAX_FRAME_BODY + 1L);
        VirtualFile file = new VirtualFile(prefix, prefix.length + 40L * 1024 * 1024);

        Scan scan = scan(file);

        assertThat(scan.largestRead).isLessThanOrEqualTo(WINDOW);
        assertThat(scan.frames).isEqualTo(k);
        assertThat(scan.allocated).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aKeyBlockLengthOf0x7fffffffIsNotRead() throws Exception {
        byte[] segment = SegmentFixture.smallSealedSegment(KEK);
        byte[] file = withLength(segment, LseFormat.CORE_LENGTH, 0x7FFFFFFFL);

        Scan scan = scan(new VirtualFile(file, file.length));

        assertThat(scan.largestRead).isLessThanOrEqualTo(WINDOW);
        assertThat(scan.frames).isZero();
        assertThat(scan.allocated).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aFrameOfExactlyTheCapIsReadAsAFrame() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        int k = 2;
        byte[] prefix = withLength(segment.bytes(), segment.offsetOf(k), LseFormat.MAX_FRAME_BODY);
        VirtualFile file = new VirtualFile(prefix, segment.offsetOf(k) + LseFormat.FRAME_HEADER_LENGTH
                + LseFormat.MAX_FRAME_BODY);

        Scan scan = scan(file);

        assertThat(scan.largestBody).isEqualTo(LseFormat.MAX_FRAME_BODY);
        assertThat(scan.largestRead).isEqualTo(LseFormat.MAX_FRAME_BODY);
    }

    private static byte[] withLength(byte[] bytes, long at, long length) {
        byte[] copy = bytes.clone();
        int i = (int) at;
        copy[i] = (byte) (length >>> 24);
        copy[i + 1] = (byte) (length >>> 16);
        copy[i + 2] = (byte) (length >>> 8);
        copy[i + 3] = (byte) length;
        return copy;
    }

    private static final class Scan {
        long largestRead;
        long largestBody;
        int frames;
        long allocated;
    }

    /** Scans to the end as a verifier does, measuring reads, frame bodies and (where the JVM can) allocation. */
    private static Scan scan(VirtualFile file) throws Exception {
        Scan scan = new Scan();
        LseScanner scanner = new LseScanner(file);
        long before = allocatedByThisThread();
        ScanItem item = scanner.next();
        while (item != null) {
            if (item instanceof ScanItem.Frame frame) {
                scan.frames++;
                scan.largestBody = Math.max(scan.largestBody, frame.body().length);
            }
            item = item instanceof ScanItem.EndOfData ? scanner.finish() : scanner.next();
        }
        scan.allocated = allocatedByThisThread() - before;
        scan.largestRead = file.largestRead;
        return scan;
    }

    private static long allocatedByThisThread() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            assumeTrue(false, "this JVM does not measure allocation per thread");
            return 0;
        }
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Real bytes followed by filler (0x01, never a signature byte) up to a size that may be far larger. */
    private static final class VirtualFile implements ByteSource {
        private final byte[] prefix;
        private final long size;
        long largestRead;

        VirtualFile(byte[] prefix, long size) {
            this.prefix = prefix;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void read(long position, byte[] into, int offset, int length) {
            largestRead = Math.max(largestRead, length);
            for (int i = 0; i < length; i++) {
                long at = position + i;
                into[offset + i] = at < prefix.length ? prefix[(int) at] : 1;
            }
        }
    }
}
