package dev.logshield.tls.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The protocol spoken on one connection: framing of events (octet counting, newline) or RELP with its
 * acknowledgements. A session watches its connection from a reader thread, so a close by the peer is noticed at
 * once, not at the next write.
 */
public interface Session extends Closeable {

    /** Writes (frames) the events and flushes. */
    void send(List<byte[]> events) throws IOException;

    /** False once the peer closed the connection, sent an error, or a read or write failed. */
    boolean isAlive();

    /** Why the session died, for status and metrics (null while alive). */
    String failure();

    /** Whether the collector acknowledges events (then the sender keeps them until {@link #acknowledged}). */
    boolean acknowledges();

    /**
     * Number of the oldest sent events the collector acknowledged since the last call (in order); always 0 for
     * sessions that do not acknowledge. Waits up to {@code waitMs} for at least one.
     */
    int acknowledged(long waitMs) throws InterruptedException;

    /** Events sent but not yet acknowledged that the session can still accept before waiting for acknowledgements. */
    int windowRemaining();

    @Override
    void close();
}
