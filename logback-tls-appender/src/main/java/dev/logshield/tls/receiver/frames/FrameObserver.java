package dev.logshield.tls.receiver.frames;

/**
 * What a {@link FrameReader} tells the connection about the frames it reads: the connection uses the frame
 * boundaries to enforce its frame timeout (slow senders) and counts the drops.
 *
 * <p>Called on the connection's reader thread only.
 */
public interface FrameObserver {

    /** Does nothing: for tests of the readers alone. */
    FrameObserver NONE = new FrameObserver() {
    };

    /** The first byte of a frame was read; called once per frame, before {@link #frameEnded}. */
    default void frameStarted() {
    }

    /** The frame that {@link #frameStarted} announced is complete (returned, or skipped as dropped). */
    default void frameEnded() {
    }

    /** A frame of {@code bytes} bytes was dropped for {@code reason} and skipped; the stream is still in sync. */
    default void dropped(DropReason reason, long bytes) {
    }

    /**
     * The reader now holds {@code bytes} more bytes of memory (fewer when negative) for a frame that waits for the rest
     * of its bytes from the stream: the array of an octet-counted frame or of RELP data, allocated at its announced
     * length, or the buffer gathering a line. Announced only when the frame is not all in the read buffer already, so
     * frames that arrive whole cost nothing here; everything announced is given back when the frame ends, is dropped,
     * or the stream fails.
     */
    default void holding(long bytes) {
    }
}
