package dev.logshield.tls.receiver.frames;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.framing.relp.RelpFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing (jqwik): valid frame sequences with random payloads, cut at random read boundaries, come back exactly and
 * in order from each reader; frames over the maximum interleaved among them are dropped, each counted once with its
 * size, and the frames after them still arrive. Tries: see {@link AnyBytesNeverBreakTheFrameReadersTest}.
 */
class FramesSurviveAnyReadBoundariesTest {

    private static final int MAX = 100;

    @Property
    void octetCounting(@ForAll("payloads") List<byte[]> payloads, @ForAll long seed,
                       @ForAll @IntRange(min = 1, max = 64) int chunk) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Expected expected = new Expected();
        for (byte[] payload : payloads) {
            stream.writeBytes((payload.length + " ").getBytes(US_ASCII));
            stream.writeBytes(payload);
            expected.add(payload, payload.length);
        }
        expected.check(new OctetCountingFrameReader(new ChunkedStream(stream.toByteArray(), seed, chunk), MAX,
                expected.observer));
    }

    @Property
    void newline(@ForAll("lines") List<byte[]> lines, @ForAll("lineEnds") List<String> ends, @ForAll long seed,
                 @ForAll @IntRange(min = 1, max = 64) int chunk) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Expected expected = new Expected();
        for (int i = 0; i < lines.size(); i++) {
            String end = ends.get(i % ends.size());
            stream.writeBytes(lines.get(i));
            stream.writeBytes(end.getBytes(US_ASCII)); // "\n", "\r\n" or "\n\n\r\n": empty lines are skipped
            expected.add(lines.get(i), lines.get(i).length + (end.startsWith("\r") ? 1 : 0));
        }
        expected.check(new NewlineFrameReader(new ChunkedStream(stream.toByteArray(), seed, chunk), MAX,
                expected.observer));
    }

    @Property
    void autoWithBothKindsMixed(@ForAll("lines") List<byte[]> payloads, @ForAll("kinds") List<Boolean> counted,
                                @ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int chunk) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Expected expected = new Expected();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            if (counted.get(i % counted.size())) {
                stream.writeBytes((payload.length + " ").getBytes(US_ASCII));
                stream.writeBytes(payload);
            } else {
                stream.writeBytes(payload);
                stream.write('\n');
            }
            expected.add(payload, payload.length);
        }
        expected.check(new AutoFrameReader(new ChunkedStream(stream.toByteArray(), seed, chunk), MAX,
                expected.observer));
    }

    @Property
    void relpCommands(@ForAll("relpFrames") List<RelpFrame> frames, @ForAll long seed,
                      @ForAll @IntRange(min = 1, max = 64) int chunk) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (RelpFrame frame : frames) {
            frame.writeTo(stream);
        }
        RelpCommandReader reader = new RelpCommandReader(new ChunkedStream(stream.toByteArray(), seed, chunk), MAX,
                null);
        List<RelpFrame> read = new ArrayList<>();
        for (RelpFrame frame = reader.next(); frame != null; frame = reader.next()) {
            read.add(frame);
        }
        assertThat(read).isEqualTo(frames);
    }

    /** Payloads of any bytes, some over the maximum. */
    @Provide
    Arbitrary<List<byte[]>> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2 * MAX).list().ofMaxSize(30);
    }

    /** Lines: a first byte that is not a digit 1-9 (as syslog and JSON start), no LF, no CR at the end. */
    @Provide
    Arbitrary<List<byte[]>> lines() {
        Arbitrary<Byte> first = Arbitraries.of((byte) '<', (byte) '{', (byte) 'x', (byte) '0', (byte) 0x80, (byte) '\r');
        Arbitrary<byte[]> rest = Arbitraries.bytes().filter(b -> b != '\n').array(byte[].class).ofMaxSize(2 * MAX);
        return Combinators.combine(first, rest).as((f, r) -> {
            byte[] line = new byte[r.length + 1];
            line[0] = f;
            System.arraycopy(r, 0, line, 1, r.length);
            if (line[line.length - 1] == '\r') {
                line[line.length - 1] = 'r';
            }
            return line;
        }).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<String>> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\n\n\r\n").list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Boolean>> kinds() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<RelpFrame>> relpFrames() {
        Arbitrary<Integer> txnr = Arbitraries.oneOf(Arbitraries.integers().between(1, RelpFrame.MAX_TXNR),
                Arbitraries.of(1, 9, 10, 99, RelpFrame.MAX_TXNR));
        Arbitrary<String> command = Arbitraries.oneOf(Arbitraries.of("open", "syslog", "close"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(RelpFrame.MAX_COMMAND_LENGTH));
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX);
        return Combinators.combine(txnr, command, data).as(RelpFrame::new).list().ofMaxSize(20);
    }

    /** The frames a reader must return and the drops it must report, in stream order. */
    private static final class Expected {
        final RecordingObserver observer = new RecordingObserver();
        private final List<byte[]> frames = new ArrayList<>();
        private final List<String> drops = new ArrayList<>();

        void add(byte[] payload, long droppedSize) {
            if (payload.length > MAX) {
                drops.add("dropped oversize " + droppedSize);
            } else {
                frames.add(payload);
            }
        }

        void check(FrameReader reader) throws IOException {
            List<byte[]> read = new ArrayList<>();
            for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
                read.add(frame);
            }
            assertThat(read).hasSameSizeAs(frames);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(Arrays.equals(read.get(i), frames.get(i))).as("frame " + i).isTrue();
            }
            assertThat(observer.drops()).isEqualTo(drops);
            assertThat(observer.isBetweenFrames()).isTrue();
        }
    }
}
