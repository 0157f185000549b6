package dev.logshield.tls.delivery;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

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

    private final ArrayBlockingQueue<byte[]> queue;
    private final int capacity;

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

    /** Moves up to {@code max} events into {@code into}, waiting up to {@code waitMs} for the first. */
    public int drain(List<byte[]> into, int max, long waitMs) throws InterruptedException {
        int n = queue.drainTo(into, max);
        if (n > 0 || waitMs <= 0) {
            return n;
        }
        byte[] first = queue.poll(waitMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
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
