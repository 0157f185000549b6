package dev.logshield.tls.receiver.frames;

import static dev.logshield.tls.receiver.frames.EndlessStream.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The readers never read byte by byte from the connection (each call on an SSLSocket may block): many small frames
 * that arrive together cost one read; what the stream throws reaches the caller unchanged; a stream that breaks
 * the InputStream contract by returning 0 bytes is an IOException, not a busy loop.
 */
class FrameReadersReadThroughOneBufferTest {

    @Test
    void framesThatArriveTogetherCostOneRead() throws IOException {
        StringBuilder lines = new StringBuilder();
        StringBuilder counted = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append("<14>1 - h a - - - line ").append(i).append('\n');
            String message = "<14>1 - h a - - - " + i;
            counted.append(message.length()).append(' ').append(message);
        }
        for (String framing : FrameReaders.names()) {
            String text = framing.equals(FrameReaders.NEWLINE) ? lines.toString() : counted.toString();
            ChunkedStream stream = ChunkedStream.whole(ascii(text));
            FrameReader reader = FrameReaders.create(framing, stream, 1000, FrameObserver.NONE);
            int frames = 0;
            while (reader.next() != null) {
                frames++;
            }
            assertThat(frames).as(framing).isEqualTo(200);
            // 8 KiB per read, plus the read that sees the end of the stream
            assertThat(stream.reads).as(framing).isEqualTo(text.length() / ByteSource.BUFFER_SIZE + 2);
        }
    }

    @Test
    void whatTheStreamThrowsReachesTheCaller() {
        InputStream timingOut = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("single-byte read");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new SocketTimeoutException("Read timed out");
            }
        };
        for (String framing : FrameReaders.names()) {
            FrameReader reader = FrameReaders.create(framing, timingOut, 100, FrameObserver.NONE);
            assertThatThrownBy(reader::next).as(framing).isInstanceOf(SocketTimeoutException.class);
        }
        assertThatThrownBy(() -> new RelpCommandReader(timingOut, 100, null).next())
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aStreamReturningZeroBytesIsAnErrorNotABusyLoop() {
        InputStream zero = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("single-byte read");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return 0;
            }
        };
        for (String framing : FrameReaders.names()) {
            assertThatThrownBy(FrameReaders.create(framing, zero, 100, FrameObserver.NONE)::next).as(framing)
                    .isInstanceOf(IOException.class).hasMessageContaining("no byte and no end of stream");
        }
    }
}
