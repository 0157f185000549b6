package dev.logshield.tls.receiver;

import java.util.concurrent.TimeUnit;

/**
 * How many of one connection's events the dispatcher has handed to the appenders. The queue is first in, first
 * out with a single dispatcher, so a connection's events are dispatched in the order it queued them: the n-th
 * event queued is dispatched once {@link #dispatched()} reaches n. A RELP connection acknowledges on that basis.
 * Thread-safe: the dispatcher counts, the connection thread waits.
 */
final class DispatchTracker {

    private long dispatched;

    /** Called by the dispatcher after each of this connection's events. */
    synchronized void dispatchedOne() {
        dispatched++;
        notifyAll();
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
