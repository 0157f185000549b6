package dev.logshield.redact.filter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free token bucket, kept as one number: the instant at which the bucket would be full again (the
 * "theoretical arrival time" of the generic cell rate algorithm). Taking a token moves that instant one interval
 * later; the bucket is empty when it lies more than {@code burst} intervals ahead of now.
 *
 * <p>An allowed event costs one compare-and-set; a refused one only reads, so a flood of refused events does not
 * contend on this bucket. All time comparisons use differences, so {@code System.nanoTime()} wrapping is harmless.
 */
final class TokenBucket {

    private final long intervalNanos;
    private final long capacityNanos;
    private final AtomicLong fullAt;

    /**
     * @param intervalNanos time to earn one token back (1 / rate), at least 1
     * @param burst         bucket size in tokens, at least 1; {@code burst * intervalNanos} must not overflow
     * @param now           the bucket starts full at this instant
     */
    TokenBucket(long intervalNanos, long burst, long now) {
        this.intervalNanos = intervalNanos;
        this.capacityNanos = Math.multiplyExact(burst, intervalNanos);
        this.fullAt = new AtomicLong(now);
    }

    /** Takes one token if there is one at {@code now}. Never blocks. */
    boolean tryAcquire(long now) {
        while (true) {
            long current = fullAt.get();
            long from = current - now > 0 ? current : now;
            long next = from + intervalNanos;
            if (next - now > capacityNanos) {
                return false;
            }
            if (fullAt.compareAndSet(current, next)) {
                return true;
            }
        }
    }
}
