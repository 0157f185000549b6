package dev.logshield.tls.receiver.frames;

import static dev.logshield.tls.receiver.frames.EndlessStream.ascii;
import static dev.logshield.tls.receiver.frames.OctetCountingFramesAreCutByTheirLengthTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Newline framing: a frame ends at LF, one CR before it is removed, empty lines are skipped without a drop, a line
 * longer than the maximum is discarded as it arrives and counted once it ends, and an unfinished last line is a
 * truncation.
 */
class NewlineFramesEndAtLineFeedsTest {

    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void linesEndAtLfAndOneCrBeforeItIsRemoved() throws IOException {
        assertThat(readAll(reader("<14>a\n<14>b\r\nc\r\r\n", 100))).containsExactly("<14>a", "<14>b", "c\r");
        assertThat(observer.calls).containsExactly("started", "ended", "started", "ended", "started", "ended");
    }

    @Test
    void emptyLinesAreNeitherEventsNorDrops() throws IOException {
        assertThat(readAll(reader("\n\na\n\r\n\n\nb\n\n", 100))).containsExactly("a", "b");
        assertThat(observer.drops()).isEmpty();
    }

    @Test
    void aLongLineIsDroppedWhenItEndsAndTheNextLineArrives() throws IOException {
        assertThat(readAll(reader("0123456789A\nok\n0123456789\n", 10))).containsExactly("ok", "0123456789");
        assertThat(observer.calls).containsExactly("started", "dropped oversize 11", "ended", "started", "ended",
                "started", "ended");
    }

    @Test
    void theCrOfALineOfExactlyTheMaximumDoesNotMakeItOversize() throws IOException {
        assertThat(readAll(reader("0123456789\r\n0123456789x\r\n", 10))).containsExactly("0123456789");
        assertThat(observer.drops()).containsExactly("dropped oversize 12");
    }

    @Test
    void anUnfinishedLastLineIsATruncation() throws IOException {
        assertThat(readAll(reader("a\nbcd", 100))).containsExactly("a");
        assertThat(observer.drops()).containsExactly("dropped truncated 3");
    }

    @Test
    void aHundredMegabyteLineCostsNoMemory() throws IOException {
        int length = 100_000_000;
        EndlessStream stream = new EndlessStream(new byte[0], length, (byte) 'x', ascii("\nok\n"));
        FrameReader reader = new NewlineFrameReader(stream, 64 * 1024, observer);
        Allocations allocations = Allocations.ofCurrentThread();

        long before = allocations.now();
        byte[] frame = reader.next();
        long allocated = allocations.now() - before;

        assertThat(frame).isEqualTo(ascii("ok"));
        assertThat(observer.drops()).containsExactly("dropped oversize " + length);
        // the line buffer doubles up to the 64 KiB limit (+1 for a CR), never further: bounded by the limit, not
        // by the line (the rest is first-use bootstrap of string concatenation and the like)
        assertThat(allocated).as("bytes allocated while discarding a 100 MB line").isLessThan(1024 * 1024);
    }

    private FrameReader reader(String stream, int max) {
        return new NewlineFrameReader(new ChunkedStream(ascii(stream), 11, 3), max, observer);
    }
}
