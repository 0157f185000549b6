package dev.logshield.tls.receiver.frames;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.framing.relp.RelpFrame;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing (jqwik): any bytes, arriving in any chunks, through every frame reader and the RELP command reader give
 * only frames of at most the maximum size, {@code null} at the end, or {@link FramingLostException}: never another
 * exception, never a frame over the limit, never more frame and dropped bytes than arrived, never more calls than
 * bytes (each call consumes input or ends), and frame boundaries reported in pairs.
 *
 * <p>Inputs are random bytes and random text over the characters framing cares about (digits, SP, CR, LF, letters,
 * {@code <}), so that lengths, commands and line ends are hit, not only rejected. Tries per property:
 * {@code jqwik.tries.default} in {@code src/test/resources/junit-platform.properties}; for a long run add e.g.
 * {@code -Djqwik.tries.default=100000} to the Maven command line.
 */
class AnyBytesNeverBreakTheFrameReadersTest {

    @Property
    void frameReaders(@ForAll("streams") byte[] stream, @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int chunk,
                      @ForAll @IntRange(min = 1, max = 300) int maxFrameSize) throws IOException {
        for (String framing : FrameReaders.names()) {
            RecordingObserver observer = new RecordingObserver();
            FrameReader reader = FrameReaders.create(framing, new ChunkedStream(stream, seed, chunk), maxFrameSize,
                    observer);
            long frameBytes = 0;
            int calls = 0;
            try {
                for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
                    assertThat(frame.length).as(framing).isBetween(1, maxFrameSize);
                    frameBytes += frame.length;
                    assertThat(++calls).as(framing).isLessThanOrEqualTo(stream.length);
                }
                assertThat(observer.isBetweenFrames()).as(framing).isTrue();
            } catch (FramingLostException e) {
                assertThat(e.reason()).as(framing).isEqualTo(DropReason.BAD_LENGTH);
                assertThat(framing).isNotEqualTo(FrameReaders.NEWLINE);
            }
            assertThat(frameBytes + droppedBytes(observer)).as(framing).isLessThanOrEqualTo(stream.length);
        }
    }

    @Property
    void relpCommandReader(@ForAll("relpStreams") byte[] stream, @ForAll long seed,
                           @ForAll @IntRange(min = 1, max = 40) int chunk,
                           @ForAll @IntRange(min = 1, max = 300) int maxDataLength) throws IOException {
        RecordingObserver observer = new RecordingObserver();
        RelpCommandReader reader = new RelpCommandReader(new ChunkedStream(stream, seed, chunk), maxDataLength,
                observer);
        int calls = 0;
        try {
            for (RelpFrame frame = reader.next(); frame != null; frame = reader.next()) {
                assertThat(frame.dataLength()).isBetween(0, maxDataLength);
                assertThat(frame.txnr()).isBetween(1, RelpFrame.MAX_TXNR);
                assertThat(++calls).isLessThanOrEqualTo(stream.length);
            }
            assertThat(observer.isBetweenFrames()).isTrue();
        } catch (FramingLostException e) {
            assertThat(e.reason()).isEqualTo(DropReason.RELP_PROTOCOL);
        }
    }

    @Provide
    Arbitrary<byte[]> streams() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                Arbitraries.strings().withChars("0123456789 \r\n<>{}ab\u00ff").ofMaxLength(600)
                        .map(s -> s.getBytes(ISO_8859_1)),
                Arbitraries.strings().withChars("123456789 \n<ab").ofMaxLength(600).map(s -> s.getBytes(ISO_8859_1)));
    }

    @Provide
    Arbitrary<byte[]> relpStreams() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                Arbitraries.strings().withChars("0123456789 \n\rsyslogpenclosAZ-").ofMaxLength(600)
                        .map(s -> s.getBytes(ISO_8859_1)),
                Arbitraries.strings().withChars("1 2\nsyslog5").ofMaxLength(600).map(s -> s.getBytes(ISO_8859_1)));
    }

    private static long droppedBytes(RecordingObserver observer) {
        long sum = 0;
        for (String drop : observer.drops()) {
            sum += Long.parseLong(drop.substring(drop.lastIndexOf(' ') + 1));
        }
        return sum;
    }
}
