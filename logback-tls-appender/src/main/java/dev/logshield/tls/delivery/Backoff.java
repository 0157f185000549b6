package dev.logshield.tls.delivery;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): the
 * n-th consecutive failure waits a uniformly random time in [min, min(max, min * 2^n)], so that many clients
 * restarting together do not hammer a recovering collector in lockstep. Reset after a successful connection.
 */
public final class Backoff {

    private final long minMs;
    private final long maxMs;
    private int failures;

    public Backoff(long minMs, long maxMs) {
        if (minMs <= 0 || maxMs < minMs) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, not " + minMs + ".." + maxMs);
        }
        this.minMs = minMs;
        this.maxMs = maxMs;
    }

    /** The wait before the next attempt, after one more failure. */
    public long nextDelayMs() {
        long ceiling = minMs << Math.min(failures, 30);
        if (ceiling <= 0 || ceiling > maxMs) {
            ceiling = maxMs;
        }
        failures++;
        return minMs + ThreadLocalRandom.current().nextLong(ceiling - minMs + 1);
    }

    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
