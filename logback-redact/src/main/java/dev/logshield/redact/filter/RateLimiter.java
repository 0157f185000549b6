package dev.logshield.redact.filter;

import dev.logshield.metrics.EventCounter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, created on the key's first event, at most {@code maxKeys} of them; keys beyond that
 * share a single overflow bucket (named {@link #OVERFLOW_KEY}), so memory stays bounded whatever the keys are.
 * Refused events are tallied per key and each flood is handed, once it is over, to the summary sink.
 *
 * <p>Knows nothing of Logback: keys are plain strings and the clock, the counters and the sink are injected.
 */
final class RateLimiter {

    /** Key under which events of keys beyond {@code maxKeys} are limited and counted. */
    static final String OVERFLOW_KEY = "<overflow>";

    private static final long ONE_SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final long burst;
    private final long quietNanos;
    private final int maxKeys;
    private final LongSupplier clock;
    private final Function<String, EventCounter> counters;
    private final Consumer<FloodSummary> summaries;
    private final Runnable overflowStarted;
    private final ConcurrentMap<String, KeyLimit> limits = new ConcurrentHashMap<>();
    private final AtomicInteger tracked = new AtomicInteger();
    private volatile KeyLimit overflow;

    /**
     * @param counters        the suppression counter for a key (called once per key, on its first refusal)
     * @param summaries       receives each flood once it is over; called on a logging thread or the checker's
     * @param overflowStarted called once, when the first key beyond {@code maxKeys} arrives
     */
    RateLimiter(long intervalNanos, long burst, int maxKeys, LongSupplier clock, Function<String, EventCounter> counters,
                Consumer<FloodSummary> summaries, Runnable overflowStarted) {
        this.intervalNanos = intervalNanos;
        this.burst = burst;
        // a flood is over after a second without refusals, or one token interval when tokens come slower than that
        this.quietNanos = Math.max(ONE_SECOND, intervalNanos);
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.counters = counters;
        this.summaries = summaries;
        this.overflowStarted = overflowStarted;
    }

    /** True if {@code key} has a token now; otherwise the refusal is counted. Never blocks. */
    boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        KeyLimit limit = limitFor(key, now);
        if (limit.bucket.tryAcquire(now)) {
            if (limit.tally.hasPending()) {
                report(limit, now);
            }
            return true;
        }
        limit.tally.record(now);
        limit.counter().increment();
        return false;
    }

    /** Reports every flood that is over by now; the periodic check calls this for keys that went quiet. */
    void summarizeQuietKeys() {
        long now = clock.getAsLong();
        for (KeyLimit limit : limits.values()) {
            report(limit, now);
        }
        KeyLimit o = overflow;
        if (o != null) {
            report(o, now);
        }
    }

    /** Events refused on {@code key} since start ({@link #OVERFLOW_KEY} for keys beyond {@code maxKeys}). */
    long suppressed(String key) {
        KeyLimit limit = OVERFLOW_KEY.equals(key) ? overflow : limits.get(key);
        return limit == null ? 0 : limit.tally.total();
    }

    /** Events refused on all keys since start. */
    long totalSuppressed() {
        long sum = 0;
        for (KeyLimit limit : limits.values()) {
            sum += limit.tally.total();
        }
        KeyLimit o = overflow;
        return o == null ? sum : sum + o.tally.total();
    }

    /** Refused events not yet reported in a summary, on all keys. */
    long unreported() {
        long sum = 0;
        for (KeyLimit limit : limits.values()) {
            sum += limit.tally.pending();
        }
        KeyLimit o = overflow;
        return o == null ? sum : sum + o.tally.pending();
    }

    private void report(KeyLimit limit, long now) {
        FloodSummary summary = limit.tally.drainIfQuiet(limit.key, now, quietNanos);
        if (summary != null) {
            summaries.accept(summary);
        }
    }

    private KeyLimit limitFor(String key, long now) {
        KeyLimit limit = limits.get(key);
        if (limit != null) {
            return limit;
        }
        if (tracked.get() >= maxKeys) {
            return overflow(now);
        }
        if (tracked.incrementAndGet() > maxKeys) {
            tracked.decrementAndGet();
            return overflow(now);
        }
        KeyLimit fresh = new KeyLimit(key, new TokenBucket(intervalNanos, burst, now));
        KeyLimit prior = limits.putIfAbsent(key, fresh);
        if (prior != null) {
            tracked.decrementAndGet();
            return prior;
        }
        return fresh;
    }

    private KeyLimit overflow(long now) {
        KeyLimit o = overflow;
        if (o != null) {
            return o;
        }
        synchronized (this) {
            // once per filter lifetime: the bucket starts on the clock of its first event
            if (overflow == null) {
                overflow = new KeyLimit(OVERFLOW_KEY, new TokenBucket(intervalNanos, burst, now));
                overflowStarted.run();
            }
            return overflow;
        }
    }

    /** The bucket, tally and counter of one key. */
    private final class KeyLimit {
        final String key;
        final TokenBucket bucket;
        final SuppressionTally tally = new SuppressionTally();
        private volatile EventCounter counter;

        KeyLimit(String key, TokenBucket bucket) {
            this.key = key;
            this.bucket = bucket;
        }

        EventCounter counter() {
            EventCounter c = counter;
            if (c == null) {
                // a race here registers the same meter twice, which Micrometer resolves to one
                c = counters.apply(key);
                counter = c;
            }
            return c;
        }
    }
}
