package dev.logshield.tls.receiver;

import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.frames.FrameObserver;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The application bytes of one authenticated connection, as the frame reader sees them, with the connection's
 * limits applied between reader and socket:
 * <ul>
 * <li>idle timeout: a read that gets no byte for {@code <idleTimeout>} ends the connection
 * ({@code idle-timeout});</li>
 * <li>frame timeout: once the reader reports a frame started, the frame must end within {@code <frameTimeout>},
 * however the bytes trickle in ({@code frame-timeout}); each read's socket timeout is the nearer of the two
 * deadlines, and the {@link Deadline} backs it up for TLS records sent a byte at a time;</li>
 * <li>rate limit: each frame that ends takes a token from the client's bucket, waiting when it is empty, so the
 * next read happens only when the client is within {@code <maxEventsPerSecond>};</li>
 * <li>a hook run just before a read would block on the socket (RELP writes its acknowledgements there);</li>
 * <li>stopping: a read that would block while the receiver stops is not started, and the receiver may claim a
 * read already blocked ({@link #claimIfBlocked()}) and close the socket under it: either way the connection has
 * nothing unacknowledged, and the bytes such a read may still return are discarded, never queued;</li>
 * <li>bytes counted, drops reported by the reader counted, the memory it holds for partial frames gauged.</li>
 * </ul>
 * Used by the connection's thread only.
 */
final class ConnectionInput extends InputStream implements FrameObserver {

    /** Run before a read that would block. */
    interface BeforeBlocking {
        void run() throws IOException;
    }

    static final String IDLE_TIMEOUT = "idle-timeout";
    static final String FRAME_TIMEOUT = "frame-timeout";

    private static final int NOT_BLOCKED = 0;
    private static final int BLOCKED = 1;
    private static final int CLAIMED = 2;

    private final Socket socket;
    private final InputStream in;
    private final Deadline deadline;
    private final long idleNanos;
    private final long frameNanos;
    private final ClientRateLimiter.Bucket bucket;
    private final ReceiverMetrics metrics;
    private final DropReport drops;
    private final BooleanSupplier stopping;
    private final AtomicInteger blocking = new AtomicInteger(NOT_BLOCKED);
    private BeforeBlocking beforeBlocking;
    private boolean inFrame;
    private long frameStart;
    private boolean limited;

    /** Told about each frame the reader dropped. */
    interface DropReport {
        void dropped(DropReason reason, long bytes);
    }

    ConnectionInput(Socket socket, InputStream in, Deadline deadline, long idleMillis, long frameMillis,
            ClientRateLimiter.Bucket bucket, ReceiverMetrics metrics, DropReport drops, BooleanSupplier stopping) {
        this.socket = socket;
        this.in = in;
        this.deadline = deadline;
        this.idleNanos = idleMillis * 1_000_000L;
        this.frameNanos = frameMillis * 1_000_000L;
        this.bucket = bucket;
        this.metrics = metrics;
        this.drops = drops;
        this.stopping = stopping;
    }

    void beforeBlocking(BeforeBlocking hook) {
        this.beforeBlocking = hook;
    }

    /**
     * Called by the stopping receiver: when this connection's thread is blocked in a socket read (after the
     * {@link #beforeBlocking} hook, so nothing it queued is unanswered), takes that read over so that whatever it
     * returns is discarded, and returns true: the caller closes the socket at once. False when the thread is
     * elsewhere; it then sees the receiver stopping before its next blocking read.
     */
    boolean claimIfBlocked() {
        return blocking.compareAndSet(BLOCKED, CLAIMED);
    }

    /** Whether a frame has started and not ended: the connection ending now truncates it. */
    boolean inFrame() {
        return inFrame;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        boolean mayBlock = in.available() == 0;
        if (mayBlock) {
            if (beforeBlocking != null) {
                beforeBlocking.run();
            }
        }
        long now = System.nanoTime();
        long until = now + idleNanos;
        String reason = IDLE_TIMEOUT;
        if (inFrame && frameStart + frameNanos - until < 0) {
            until = frameStart + frameNanos;
            reason = FRAME_TIMEOUT;
        }
        long left = until - now;
        if (left <= 0) {
            throw new DeadlinePassed(reason);
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
        if (mayBlock) {
            // set before looking at the stopping flag, which the receiver sets before claiming: one of the two sees
            // the other, so no read blocks unnoticed by a stop
            blocking.set(BLOCKED);
            if (stopping.getAsBoolean() && blocking.compareAndSet(BLOCKED, NOT_BLOCKED)) {
                throw new StoppedBeforeRead();
            }
        }
        deadline.arm(until, reason);
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            boolean claimed = mayBlock && !unblocked();
            if (claimed) {
                throw new ReceiverStoppingException();
            }
            if (e instanceof SocketTimeoutException) {
                throw new DeadlinePassed(reason);
            }
            throw e;
        } finally {
            deadline.disarm();
        }
        if (mayBlock && !unblocked()) {
            // the stopping receiver closed the socket under this read: these bytes are never queued, so never
            // handed to the appenders unacknowledged
            throw new ReceiverStoppingException();
        }
        if (n > 0) {
            metrics.bytes(n);
        }
        return n;
    }

    /** Ends a blocking read; false when the stopping receiver claimed it. */
    private boolean unblocked() {
        if (blocking.compareAndSet(BLOCKED, NOT_BLOCKED)) {
            return true;
        }
        blocking.set(NOT_BLOCKED);
        return false;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void frameStarted() {
        inFrame = true;
        frameStart = System.nanoTime();
    }

    @Override
    public void frameEnded() {
        inFrame = false;
        long waited;
        try {
            waited = bucket.take();
        } catch (InterruptedException e) {
            // the receiver is stopping: it has closed the socket, so the next read fails and ends the connection
            Thread.currentThread().interrupt();
            return;
        }
        if (waited > 0 && !limited) {
            metrics.rateLimited();
        }
        limited = waited > 0;
    }

    @Override
    public void dropped(DropReason reason, long bytes) {
        drops.dropped(reason, bytes);
    }

    @Override
    public void holding(long bytes) {
        metrics.framesBuffered(bytes);
    }

    /**
     * The receiver is stopping and this read would have blocked: it is not started. The socket is still open and
     * the {@link #beforeBlocking} hook has run, so a RELP session can still say {@code serverclose}.
     */
    static final class StoppedBeforeRead extends java.io.InterruptedIOException {
        private static final long serialVersionUID = 1L;

        StoppedBeforeRead() {
            super("the receiver is stopping");
        }
    }

    /** A read's deadline passed: {@link #reason()} is {@value #IDLE_TIMEOUT} or {@value #FRAME_TIMEOUT}. */
    static final class DeadlinePassed extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        DeadlinePassed(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
