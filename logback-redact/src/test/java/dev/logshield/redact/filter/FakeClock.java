package dev.logshield.redact.filter;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A monotonic clock that moves only when the test says so, with a matching wall clock that reads
 * {@link #WALL_START} (local time) at the start.
 */
final class FakeClock implements LongSupplier {

    static final LocalDateTime WALL_START = LocalDateTime.of(2024, 5, 17, 10, 0, 0);

    private final long start;
    private final AtomicLong nanos;
    private final long wallStartMillis = WALL_START.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    /** Starts at {@code startNanos}; any value works, since a real {@code System.nanoTime()} may be anything. */
    FakeClock(long startNanos) {
        this.start = startNanos;
        this.nanos = new AtomicLong(startNanos);
    }

    FakeClock() {
        this(123_456_789_000L);
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    void advanceNanos(long delta) {
        nanos.addAndGet(delta);
    }

    long wallMillis() {
        return wallStartMillis + (nanos.get() - start) / 1_000_000L;
    }
}
