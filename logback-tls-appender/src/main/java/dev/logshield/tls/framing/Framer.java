package dev.logshield.tls.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Cuts a stream connection into messages: writes one encoded event (the <em>body</em>, e.g. the bytes of an
 * {@link Rfc5424Encoder} or of a JSON encoder) as one frame the receiver can find the end of.
 *
 * <p>Implementations are immutable and thread-safe and allocate nothing per frame: the sender thread asks
 * {@link #framedLength} to size its batch, then writes the frame straight into its socket stream or into a
 * reusable {@link ByteBuffer}. A body that is empty once its trailing newline is stripped frames to nothing
 * (0 bytes): neither framing has a legal empty frame.
 *
 * <p>Chosen in logback.xml by name through {@link Framing}:
 * <pre>{@code
 * <framing>octet-counting</framing>   <!-- octet-counting | newline | relp -->
 * }</pre>
 */
public interface Framer {

    /** The number of bytes {@link #frame} writes for this body; 0 when it writes nothing. */
    int framedLength(byte[] body, int offset, int length);

    /**
     * Writes the frame of {@code body[offset, offset + length)} to {@code out}.
     *
     * @return the number of bytes written, equal to {@link #framedLength}
     */
    int frame(byte[] body, int offset, int length, OutputStream out) throws IOException;

    /**
     * Puts the frame of {@code body[offset, offset + length)} into {@code out} at its position.
     *
     * @return the number of bytes put, equal to {@link #framedLength}
     * @throws java.nio.BufferOverflowException when {@code out} has less room than {@link #framedLength}; then
     *         nothing has been put
     */
    int frame(byte[] body, int offset, int length, ByteBuffer out);

    /** Writes the frame of the whole {@code body}; see {@link #frame(byte[], int, int, OutputStream)}. */
    default int frame(byte[] body, OutputStream out) throws IOException {
        return frame(body, 0, body.length, out);
    }

    /** The frame of the whole {@code body} as a new array: for tests and one-off sends, not the hot path. */
    default byte[] frame(byte[] body) {
        byte[] out = new byte[framedLength(body, 0, body.length)];
        frame(body, 0, body.length, ByteBuffer.wrap(out));
        return out;
    }
}
