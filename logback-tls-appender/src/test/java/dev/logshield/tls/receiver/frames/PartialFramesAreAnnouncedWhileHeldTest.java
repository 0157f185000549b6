package dev.logshield.tls.receiver.frames;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the readers announce through {@link FrameObserver#holding} (the receiver's
 * {@code frames.buffered.bytes} gauge): while a frame waits for the rest of its bytes, the memory held for it (the
 * announced length of an octet-counted frame or of RELP data, the buffer gathering a line, which reaches
 * {@code maxFrameSize + 1} for an overlong line); all of it given back when the frame ends, is truncated, or the
 * stream fails; nothing for frames that arrive whole, nothing for an oversize frame that is skipped. Deterministic:
 * the stream below tells what was held at the moment a read would block.
 */
class PartialFramesAreAnnouncedWhileHeldTest {

    private static final int MAX = 128 * 1024;

    @Test
    void anOctetCountedFrameHoldsItsLengthUntilTheStreamFails() {
        for (String framing : List.of(FrameReaders.OCTET_COUNTING, FrameReaders.AUTO)) {
            HoldingObserver observer = new HoldingObserver();
            WaitingStream stream = new WaitingStream(observer, ascii(MAX + " "), filler(MAX - 1)).thenTimeOut();
            FrameReader reader = FrameReaders.create(framing, stream, MAX, observer);

            assertThatThrownBy(reader::next).as(framing).isInstanceOf(SocketTimeoutException.class);

            assertThat(stream.heldWhenBlocked).as(framing + ": held while the last byte is awaited").isEqualTo(MAX);
            assertThat(observer.held).as(framing + ": after the failed read").isZero();
        }
    }

    @Test
    void aTruncatedOctetCountedFrameGivesItsLengthBack() throws IOException {
        HoldingObserver observer = new HoldingObserver();
        WaitingStream stream = new WaitingStream(observer, ascii("1000 "), filler(10));
        FrameReader reader = FrameReaders.create(FrameReaders.OCTET_COUNTING, stream, MAX, observer);

        assertThat(reader.next()).isNull();

        assertThat(stream.heldWhenBlocked).isEqualTo(1000);
        assertThat(observer.held).isZero();
    }

    @Test
    void anOverlongLineHoldsAtMostMaxFrameSizePlusOne() {
        for (String framing : List.of(FrameReaders.NEWLINE, FrameReaders.AUTO)) {
            HoldingObserver observer = new HoldingObserver();
            WaitingStream stream = new WaitingStream(observer, ascii("<"), filler(3 * MAX)).thenTimeOut();
            FrameReader reader = FrameReaders.create(framing, stream, MAX, observer);

            assertThatThrownBy(reader::next).as(framing).isInstanceOf(SocketTimeoutException.class);

            assertThat(stream.heldWhenBlocked).as(framing + ": the line buffer, at its cap").isEqualTo(MAX + 1);
            assertThat(observer.max).as(framing).isEqualTo(MAX + 1);
            assertThat(observer.held).as(framing + ": after the failed read").isZero();
        }
    }

    @Test
    void aLineThatEndsGivesItsBufferBack() throws IOException {
        HoldingObserver observer = new HoldingObserver();
        byte[] line = filler(20_000);
        line[0] = '<';
        FrameReader reader = FrameReaders.create(FrameReaders.NEWLINE,
                new WaitingStream(observer, line, ascii("\n")), MAX, observer);

        assertThat(reader.next()).hasSize(20_000);

        assertThat(observer.max).as("the buffer gathering the line").isGreaterThanOrEqualTo(20_000);
        assertThat(observer.held).isZero();
    }

    @Test
    void relpDataHoldsItsLengthUntilItsTrailerArrives() throws IOException {
        HoldingObserver observer = new HoldingObserver();
        byte[] data = filler(5_000);
        WaitingStream stream = new WaitingStream(observer, ascii("1 syslog 5000 "), data, ascii("\n"));
        RelpCommandReader reader = new RelpCommandReader(stream, MAX, observer);

        assertThat(reader.next().data()).hasSize(5_000);

        assertThat(stream.heldAtEachWait).as("waiting for the data, then for its LF").containsExactly(5_000L, 5_000L);
        assertThat(observer.held).isZero();

        HoldingObserver failing = new HoldingObserver();
        WaitingStream cut = new WaitingStream(failing, ascii("2 syslog 5000 "), filler(100)).thenTimeOut();
        assertThatThrownBy(new RelpCommandReader(cut, MAX, failing)::next).isInstanceOf(SocketTimeoutException.class);
        assertThat(cut.heldWhenBlocked).isEqualTo(5_000);
        assertThat(failing.held).isZero();
    }

    @Test
    void framesThatArriveWholeAndSkippedOversizeFramesAnnounceNothing() throws IOException {
        StringBuilder octets = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            String message = "<14>1 - h a - - - " + i;
            octets.append(message.length()).append(' ').append(message);
            mixed.append(message.length()).append(' ').append(message).append(message).append('\n');
        }
        for (String framing : List.of(FrameReaders.OCTET_COUNTING, FrameReaders.AUTO)) {
            HoldingObserver observer = new HoldingObserver();
            String text = framing.equals(FrameReaders.AUTO) ? mixed.toString() : octets.toString();
            assertThat(text.length()).as("all in one read").isLessThan(8 * 1024);
            FrameReader reader = FrameReaders.create(framing, ChunkedStream.whole(ascii(text)), MAX, observer);
            int frames = 0;
            while (reader.next() != null) {
                frames++;
            }
            assertThat(frames).as(framing).isEqualTo(framing.equals(FrameReaders.AUTO) ? 160 : 80);
            assertThat(observer.calls).as(framing).isEmpty();
        }
        HoldingObserver skipping = new HoldingObserver();
        WaitingStream oversize = new WaitingStream(skipping, ascii("999999999 "), filler(3 * MAX)).thenTimeOut();
        assertThatThrownBy(FrameReaders.create(FrameReaders.OCTET_COUNTING, oversize, MAX, skipping)::next)
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(skipping.calls).as("a frame over maxFrameSize is skipped, never held").isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(US_ASCII);
    }

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    /** Adds up what the reader announces. */
    private static final class HoldingObserver implements FrameObserver {
        final List<Long> calls = new ArrayList<>();
        long held;
        long max;

        @Override
        public void holding(long bytes) {
            calls.add(bytes);
            held += bytes;
            max = Math.max(max, held);
            assertThat(held).as("held after %s", calls).isNotNegative();
        }
    }

    /**
     * Delivers its parts one read each (at most what is asked), noting what the observer holds whenever the reader
     * comes back for more after a part; after the last part, the end of the stream, or a read timeout.
     */
    private static final class WaitingStream extends InputStream {
        private final HoldingObserver observer;
        private final List<byte[]> parts;
        private final List<Long> heldAtEachWait = new ArrayList<>();
        private int part;
        private int offset;
        private boolean timeOut;
        long heldWhenBlocked = -1;

        WaitingStream(HoldingObserver observer, byte[]... parts) {
            this.observer = observer;
            this.parts = List.of(parts);
        }

        WaitingStream thenTimeOut() {
            timeOut = true;
            return this;
        }

        @Override
        public int read() {
            throw new AssertionError("a frame reader read a single byte from the stream");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (offset == 0 && part > 0) {
                heldAtEachWait.add(observer.held);
            }
            if (part == parts.size()) {
                heldWhenBlocked = observer.held;
                if (timeOut) {
                    throw new SocketTimeoutException("Read timed out");
                }
                return -1;
            }
            byte[] bytes = parts.get(part);
            int n = Math.min(len, bytes.length - offset);
            System.arraycopy(bytes, offset, b, off, n);
            offset += n;
            if (offset == bytes.length) {
                part++;
                offset = 0;
            }
            return n;
        }
    }
}
