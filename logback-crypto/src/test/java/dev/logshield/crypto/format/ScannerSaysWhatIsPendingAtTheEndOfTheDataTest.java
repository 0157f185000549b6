package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A file may still be growing (follow mode): where the data ends inside something that could still become whole,
 * the scanner returns {@link ScanItem.EndOfData} at the offset of that something with the number of bytes already
 * there, consumes nothing, and {@link LseScanner#position()} stays before it; {@link LseScanner#finish()} after the
 * last whole segment returns nothing.
 */
class ScannerSaysWhatIsPendingAtTheEndOfTheDataTest {

    private static final TestKek KEK = TestKek.random();

    @Test
    void bytesThatAreNoSegmentYetArePending() throws Exception {
        LseScanner scanner = new LseScanner(ByteSource.of(new byte[] {'x', 'y', 'z'}));

        assertThat(scanner.next()).isEqualTo(new ScanItem.EndOfData(0, 3));
        assertThat(scanner.position()).isZero();
    }

    @Test
    void theStartOfTheNextSegmentIsPending() throws Exception {
        SegmentBytes first = segment();
        byte[] next = segment().bytes();
        int keyBlockLength = ByteBuffer.wrap(next, LseFormat.CORE_LENGTH, 4).getInt();

        for (int cut : new int[] {LseFormat.magic().length, 50, LseFormat.CORE_LENGTH + 4 + keyBlockLength - 1}) {
            byte[] file = concat(first.bytes(), Arrays.copyOf(next, cut));
            LseScanner scanner = new LseScanner(ByteSource.of(file));
            assertThat(skipFrames(scanner, first.frameCount())).isInstanceOf(ScanItem.SegmentEnd.class);

            assertThat(scanner.next()).as("%d bytes of the next header", cut)
                    .isEqualTo(new ScanItem.EndOfData(first.bytes().length, cut));
            assertThat(scanner.position()).isEqualTo(first.bytes().length);
        }
    }

    @Test
    void aHeaderThatCannotBeASegmentIsReportedAtOnce() throws Exception {
        byte[] header = Arrays.copyOf(segment().bytes(), LseFormat.CORE_LENGTH + 4);
        header[LseFormat.magic().length + 2] = (byte) 0x80;
        LseScanner scanner = new LseScanner(ByteSource.of(header));

        ScanItem item = scanner.next();

        assertThat(item).isInstanceOf(ScanItem.Stray.class);
        assertThat(((ScanItem.Stray) item).tail())
                .isEqualTo(new ScanItem.Tail(0, header.length, ScanItem.Tail.Kind.GARBAGE, false));
    }

    @Test
    void aFrameCutShortIsPendingAtItsStart() throws Exception {
        SegmentBytes segment = segment();
        long last = segment.offsetOf(segment.frameCount() - 1);
        byte[] file = Arrays.copyOf(segment.bytes(), (int) last + 7);
        LseScanner scanner = new LseScanner(ByteSource.of(file));

        ScanItem item = skipFrames(scanner, segment.frameCount() - 1);

        assertThat(item).isEqualTo(new ScanItem.EndOfData(last, 7));
        assertThat(scanner.position()).isEqualTo(last);
    }

    @Test
    void bytesThatBreakTheFrameStructureWithNothingAfterThemArePending() throws Exception {
        SegmentBytes segment = segment();
        byte[] whole = segment.bytes();
        byte[] file = Arrays.copyOf(whole, whole.length + 9);
        Arrays.fill(file, whole.length, file.length, (byte) 'x');
        LseScanner scanner = new LseScanner(ByteSource.of(file));

        ScanItem item = skipFrames(scanner, segment.frameCount());

        assertThat(item).isEqualTo(new ScanItem.EndOfData(whole.length, 9));
    }

    @Test
    void afterTheLastWholeSegmentNothingIsLeft() throws Exception {
        byte[] file = segment().bytes();
        LseScanner scanner = new LseScanner(ByteSource.of(file));

        ScanItem item = scanner.next();
        assertThat(item).isInstanceOf(ScanItem.SegmentStart.class);
        while (!(item instanceof ScanItem.EndOfData)) {
            item = scanner.next();
        }
        assertThat(scanner.finish()).isInstanceOf(ScanItem.SegmentEnd.class);

        assertThat(scanner.position()).isEqualTo(file.length);
        assertThat(scanner.next()).isNull();
        assertThat(scanner.finish()).isNull();
    }

    /** Reads the segment start and {@code frames} frames, checking the position after each; the next item. */
    private static ScanItem skipFrames(LseScanner scanner, int frames) throws Exception {
        ScanItem.SegmentStart start = (ScanItem.SegmentStart) scanner.next();
        assertThat(scanner.position()).isEqualTo(LseFormat.CORE_LENGTH + start.keyBlock().encode().length);
        for (int i = 0; i < frames; i++) {
            ScanItem.Frame frame = (ScanItem.Frame) scanner.next();
            assertThat(scanner.position()).isEqualTo(frame.offset() + frame.length());
        }
        return scanner.next();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static SegmentBytes segment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 2));
    }
}
