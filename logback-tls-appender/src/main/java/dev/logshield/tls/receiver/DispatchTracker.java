package dev.logshield.tls.receiver;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * How many of one connection's events the dispatcher has handed to the appenders. The queue is first in, first
 * out with a single dispatcher, so a connection's events are dispatched in the order it queued them: the n-th
 * event queued is dispatched once {@link #dispatched()} reaches n. A RELP connection acknowledges on that basis.
 * It also remembers which of them no appender took, so that they are not acknowledged.
 * Thread-safe: the dispatcher counts, the connection thread waits.
 */
final class DispatchTracker {

    private final ArrayDeque<Long> refused = new ArrayDeque<>();
    private long dispatched;

    /**
     * Called by the dispatcher after each of this connection's events.
     *
     * @param taken false when no appender took the event (it must not be acknowledged)
     */
    synchronized void dispatchedOne(boolean taken) {
        dispatched++;
        if (!taken) {
            refused.addLast(dispatched);
        }
        notifyAll();
    }

    /**
     * Whether the {@code n}-th event (from 1) was refused; asked in increasing order of {@code n}, once each, after
     * it was dispatched.
     */
    synchronized boolean refused(long n) {
        while (!refused.isEmpty() && refused.peekFirst() < n) {
            refused.pollFirst();
        }
        if (!refused.isEmpty() && refused.peekFirst() == n) {
            refused.pollFirst();
            return true;
        }
        return false;
    }

    /** Events dispatched so far. */
    synchronized long dispatched() {
        return dispatched;
    }

    /**
     * Waits until at least {@code count} events are dispatched.
     *
     * @return whether they are, false when {@code timeoutNanos} passed first
     */
    synchronized boolean awaitDispatched(long count, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (dispatched < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
