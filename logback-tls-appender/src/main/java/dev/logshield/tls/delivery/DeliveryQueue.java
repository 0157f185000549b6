package dev.logshield.tls.delivery;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded buffer between application threads (which only encode and enqueue) and the sender thread. Never
 * unbounded, never blocking beyond the configured timeout; what it refuses is reported to the caller, who counts it.
 */
public final class DeliveryQueue {

    /** What happened to an offered event. */
    public enum Outcome {
        ACCEPTED,
        /** The offered event was dropped (full; or BLOCK timed out). */
        DROPPED_NEWEST,
        /** Accepted after dropping the oldest buffered event. */
        ACCEPTED_DROPPED_OLDEST
    }

    /** How long after the last events the sender keeps looking at an empty queue rather than blocking on it. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How often it looks meanwhile: the most delivery latency this adds. */
    static final long LINGER_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ArrayBlockingQueue<byte[]> queue;
    private final int capacity;
    /** When {@link #drain} last found events; sender thread only. Starts "long ago": no lingering before the first. */
    private long lastEventNanos = System.nanoTime() - LINGER_NANOS;

    public DeliveryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    public Outcome offer(byte[] event, OverflowPolicy policy, long blockTimeoutMs) {
        if (queue.offer(event)) {
            return Outcome.ACCEPTED;
        }
        switch (policy) {
            case DROP_OLDEST -> {
                while (true) {
                    queue.poll();
                    if (queue.offer(event)) {
                        return Outcome.ACCEPTED_DROPPED_OLDEST;
                    }
                }
            }
            case BLOCK -> {
                try {
                    return queue.offer(event, blockTimeoutMs, TimeUnit.MILLISECONDS) ? Outcome.ACCEPTED
                            : Outcome.DROPPED_NEWEST;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Outcome.DROPPED_NEWEST;
                }
            }
            default -> {
                return Outcome.DROPPED_NEWEST;
            }
        }
    }

    /**
     * Moves up to {@code max} events into {@code into}, waiting up to {@code waitMs} for the first. Called by the
     * sender thread only.
     *
     * <p>Shortly after events came (within {@link #LINGER_NANOS}), an empty queue is looked at again every
     * {@link #LINGER_SLICE_NANOS} instead of being waited on: a consumer blocked in {@code poll} makes every
     * {@code offer} wake it, a system call of several microseconds on the application thread, once per event at
     * moderate rates. Looking costs at most one slice of delivery latency, and a few timed wake-ups of the sender
     * after the last event; then it blocks as before, and the first event after a quiet spell wakes it.
     */
    public int drain(List<byte[]> into, int max, long waitMs) throws InterruptedException {
        int n = queue.drainTo(into, max);
        if (n > 0) {
            lastEventNanos = System.nanoTime();
            return n;
        }
        if (waitMs <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMs);
        long lingerNanos = Math.min(waitNanos, LINGER_NANOS - (start - lastEventNanos));
        long elapsed;
        while ((elapsed = System.nanoTime() - start) < lingerNanos) {
            LockSupport.parkNanos(Math.min(LINGER_SLICE_NANOS, lingerNanos - elapsed));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            n = queue.drainTo(into, max);
            if (n > 0) {
                lastEventNanos = System.nanoTime();
                return n;
            }
        }
        long left = waitNanos - (System.nanoTime() - start);
        byte[] first = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        if (first == null) {
            return 0;
        }
        lastEventNanos = System.nanoTime();
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    /** Moves every buffered event into {@code into}, without waiting. */
    public void drainAll(List<byte[]> into) {
        queue.drainTo(into);
    }

    public int size() {
        return queue.size();
    }

    public int capacity() {
        return capacity;
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
