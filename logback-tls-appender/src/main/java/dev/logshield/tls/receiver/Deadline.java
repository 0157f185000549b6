package dev.logshield.tls.receiver;

import java.io.IOException;
import java.net.Socket;

/**
 * The time by which one connection's current step (handshake, read, acknowledgement write) must be over. The
 * {@link Watchdog} closes the connection's TCP socket once it has passed: a hard bound that per-read socket
 * timeouts cannot give, since a TLS record dribbled in one byte at a time never lets a single read time out.
 * Closing TCP, not TLS, also frees a thread blocked in a write (the TLS socket's close would wait for its write
 * lock). Armed and disarmed by the connection thread, checked by the watchdog thread.
 */
final class Deadline {

    private static final long NONE = Long.MIN_VALUE;

    private final Socket tcp;
    private volatile long at = NONE;
    private volatile String step = "";
    private volatile String expired;

    Deadline(Socket tcp) {
        this.tcp = tcp;
    }

    /** The current step, named by {@code reason} (e.g. {@code idle-timeout}), must end by {@code nanoTime}. */
    void arm(long nanoTime, String reason) {
        step = reason;
        at = nanoTime;
    }

    /** No step under way: nothing to time out (e.g. waiting for room in the queue, which is back-pressure). */
    void disarm() {
        at = NONE;
    }

    /** Closes the connection when its step is overdue; called by the watchdog. */
    void expireIfDue(long nanoTime) {
        long deadline = at;
        if (deadline != NONE && nanoTime - deadline >= 0 && expired == null) {
            end(step);
        }
    }

    /** Closes the connection now, for {@code reason} (e.g. {@code shutdown}). */
    void end(String reason) {
        if (expired == null) {
            expired = reason;
        }
        try {
            tcp.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    /** Why the connection was closed under its thread's feet, or {@code null} when it was not. */
    String expired() {
        return expired;
    }
}
