package dev.logshield.tls.receiver.frames;

import static dev.logshield.tls.receiver.frames.EndlessStream.ascii;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Octet-counting framing (RFC 6587 §3.4.1): frames come back exactly, whatever the read boundaries; a length that
 * is not 1-9 digits without a leading zero followed by SP loses the framing with the offset and the byte in hex;
 * an oversize frame is skipped without being buffered and the next one still arrives; an end of stream inside a
 * frame is a truncation, between frames a clean end.
 */
class OctetCountingFramesAreCutByTheirLengthTest {

    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void framesComeBackExactlyAndEachIsAnnouncedAndEnded() throws IOException {
        byte[] stream = ascii("5 hello11 <14>1 a\nb c1 x");
        FrameReader reader = new OctetCountingFrameReader(new ChunkedStream(stream, 7, 3), 100, observer);

        assertThat(readAll(reader)).containsExactly("hello", "<14>1 a\nb c", "x");
        assertThat(observer.calls).containsExactly("started", "ended", "started", "ended", "started", "ended");
    }

    @Test
    void aNonDigitLengthLosesTheFramingNamingOffsetAndByte() throws IOException {
        FrameReader reader = new OctetCountingFrameReader(ChunkedStream.whole(ascii("3 abc<14>1 x")), 100, observer);
        assertThat(reader.next()).isEqualTo(ascii("abc"));

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(FramingLostException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.BAD_LENGTH);
            assertThat(e.getMessage()).contains("0x3C '<'").contains("byte offset 5");
        });
        // the connection is to be closed: the reader never resumes on bytes that could forge a frame
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(FramingLostException.class,
                e -> assertThat(e.reason()).isEqualTo(DropReason.BAD_LENGTH));
    }

    @Test
    void everyMalformedLengthIsBadLength() {
        assertBadLength("05 hello", "must not start with 0", "0x30 '0'", "byte offset 0");
        assertBadLength("0 ", "must not start with 0", "0x30", "byte offset 0");
        assertBadLength("1234567890 x", "more than 9 digits", "0x30", "byte offset 9");
        assertBadLength("12x", "expected a digit or the SP", "0x78 'x'", "byte offset 2");
        assertBadLength("12\n", "expected a digit or the SP", "0x0A", "byte offset 2");
        assertBadLength(" 5 hello", "expected a digit 1-9", "0x20", "byte offset 0");
        assertBadLength("\u00ff", "expected a digit 1-9", "0xFF", "byte offset 0");
    }

    @Test
    void anOversizeFrameIsSkippedCountedAndTheNextOneArrives() throws IOException {
        byte[] stream = ascii("11 hello world3 abc");
        FrameReader reader = new OctetCountingFrameReader(new ChunkedStream(stream, 1, 4), 10, observer);

        assertThat(readAll(reader)).containsExactly("abc");
        assertThat(observer.calls).containsExactly("started", "dropped oversize 11", "ended", "started", "ended");
    }

    @Test
    void aHundredMegabyteLengthPrefixCostsNoMemory() throws IOException {
        int length = 100_000_000;
        EndlessStream stream = new EndlessStream(ascii(length + " "), length, (byte) 'x', ascii("2 ok"));
        FrameReader reader = new OctetCountingFrameReader(stream, 64 * 1024, observer);
        Allocations allocations = Allocations.ofCurrentThread();

        long before = allocations.now();
        byte[] frame = reader.next();
        long allocated = allocations.now() - before;

        assertThat(frame).isEqualTo(ascii("ok"));
        assertThat(observer.drops()).containsExactly("dropped oversize " + length);
        assertThat(allocated).as("bytes allocated while skipping 100 MB").isLessThan(64 * 1024);
    }

    @Test
    void theEndBetweenFramesIsCleanAndInsideAFrameIsATruncation() throws IOException {
        assertThat(new OctetCountingFrameReader(ChunkedStream.whole(new byte[0]), 10, observer).next()).isNull();
        assertThat(observer.calls).isEmpty();

        assertThat(readAll(reader("2 ok12"))).containsExactly("ok");
        assertThat(observer.calls).containsExactly("started", "ended", "started", "dropped truncated 2", "ended");

        observer.calls.clear();
        assertThat(readAll(reader("5 abc"))).isEmpty();
        assertThat(observer.calls).containsExactly("started", "dropped truncated 5", "ended");

        observer.calls.clear();
        assertThat(readAll(reader("9 "))).isEmpty();
        assertThat(observer.drops()).containsExactly("dropped truncated 2");
    }

    @Test
    void theEndWhileSkippingAnOversizeFrameIsATruncation() throws IOException {
        assertThat(readAll(reader("50 only a few bytes"))).isEmpty();
        assertThat(observer.drops()).containsExactly("dropped truncated 19");
    }

    @Test
    void aFrameOfExactlyTheMaximumIsKept() throws IOException {
        assertThat(readAll(new OctetCountingFrameReader(ChunkedStream.whole(ascii("10 0123456789")), 10, observer)))
                .containsExactly("0123456789");
        assertThat(observer.drops()).isEmpty();
    }

    private FrameReader reader(String stream) {
        return new OctetCountingFrameReader(new ChunkedStream(ascii(stream), 3, 2), 10, observer);
    }

    private static void assertBadLength(String stream, String... details) {
        FrameReader reader = new OctetCountingFrameReader(ChunkedStream.whole(ascii(stream)), 100,
                new RecordingObserver());
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(FramingLostException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.BAD_LENGTH);
            assertThat(e.getMessage()).startsWith("bad-length: ").contains(details);
        });
    }

    static List<String> readAll(FrameReader reader) throws IOException {
        List<String> frames = new ArrayList<>();
        for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(new String(frame, UTF_8));
        }
        return frames;
    }
}
