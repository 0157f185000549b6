package dev.logshield.tls.receiver.frames;

import java.io.IOException;

/**
 * Cuts the byte stream of one connection into frames (the inverse of {@link dev.logshield.tls.framing.Framer}),
 * never buffering more than the configured maximum frame size, whatever the peer sends.
 *
 * <p>Not thread-safe: one reader per connection, used by the connection's thread.
 */
public interface FrameReader {

    /**
     * Reads the next well-formed frame. Frames that are malformed but skippable (too long, truncated) are reported
     * to the {@link FrameObserver} as dropped and skipped.
     *
     * @return the frame's payload (a new array the caller owns, without the framing bytes), or {@code null} when the
     *         stream ended cleanly between frames
     * @throws FramingLostException when the stream cannot be resynchronised: close the connection
     * @throws IOException what the underlying stream throws (e.g. {@link java.net.SocketTimeoutException})
     */
    byte[] next() throws IOException;
}
