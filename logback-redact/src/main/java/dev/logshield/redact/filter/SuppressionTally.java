package dev.logshield.redact.filter;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The events one key has had refused: those not yet reported in a summary, and the total since start.
 *
 * <p>A flood is over once the key has gone a quiet period without a refused event. Whoever notices first (the
 * key's next allowed event or the periodic check) drains the tally; the drain is an atomic get-and-reset, so each
 * flood is reported exactly once even when both notice it at the same moment.
 */
final class SuppressionTally {

    private final AtomicLong pending = new AtomicLong();
    private final LongAdder total = new LongAdder();
    private volatile long floodStart;
    private volatile long lastSuppressed;

    /** Counts one refused event at {@code now}. */
    void record(long now) {
        // written before the count so that a drain which sees this event also sees that the key is not quiet
        lastSuppressed = now;
        if (pending.getAndIncrement() == 0) {
            floodStart = now;
        }
        total.increment();
    }

    boolean hasPending() {
        return pending.get() != 0;
    }

    /** Refused events not yet reported in a summary. */
    long pending() {
        return pending.get();
    }

    /**
     * The summary of the current flood if the key has been quiet for {@code quietNanos} at {@code now}, resetting
     * the tally; null when there is nothing to report yet (or another thread just reported it).
     */
    FloodSummary drainIfQuiet(String key, long now, long quietNanos) {
        if (pending.get() == 0) {
            return null;
        }
        long last = lastSuppressed;
        if (now - last < quietNanos) {
            return null;
        }
        long first = floodStart;
        long suppressed = pending.getAndSet(0);
        if (suppressed == 0) {
            return null;
        }
        return new FloodSummary(key, suppressed, last - first < 0 ? last : first, last);
    }

    /** Events refused on this key since start. */
    long total() {
        return total.sum();
    }
}
