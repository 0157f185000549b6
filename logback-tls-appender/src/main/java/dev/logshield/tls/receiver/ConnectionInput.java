package dev.logshield.tls.receiver;

import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.frames.FrameObserver;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

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
 * <li>bytes counted, drops reported by the reader counted.</li>
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

    private final Socket socket;
    private final InputStream in;
    private final Deadline deadline;
    private final long idleNanos;
    private final long frameNanos;
    private final ClientRateLimiter.Bucket bucket;
    private final ReceiverMetrics metrics;
    private final DropReport drops;
    private BeforeBlocking beforeBlocking;
    private boolean inFrame;
    private long frameStart;
    private boolean limited;

    /** Told about each frame the reader dropped. */
    interface DropReport {
        void dropped(DropReason reason, long bytes);
    }

    ConnectionInput(Socket socket, InputStream in, Deadline deadline, long idleMillis, long frameMillis,
            ClientRateLimiter.Bucket bucket, ReceiverMetrics metrics, DropReport drops) {
        this.socket = socket;
        this.in = in;
        this.deadline = deadline;
        this.idleNanos = idleMillis * 1_000_000L;
        this.frameNanos = frameMillis * 1_000_000L;
        this.bucket = bucket;
        this.metrics = metrics;
        this.drops = drops;
    }

    void beforeBlocking(BeforeBlocking hook) {
        this.beforeBlocking = hook;
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
        if (beforeBlocking != null && in.available() == 0) {
            beforeBlocking.run();
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
        deadline.arm(until, reason);
        try {
            int n = in.read(b, off, len);
            if (n > 0) {
                metrics.bytes(n);
            }
            return n;
        } catch (SocketTimeoutException e) {
            throw new DeadlinePassed(reason);
        } finally {
            deadline.disarm();
        }
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
