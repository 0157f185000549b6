package dev.logshield.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens at most once per interval (the first time at once): the one rule every LogShield component follows when it
 * reports a recurring problem to the Logback status, so that a failure on every event, or a hostile client, cannot
 * flood the status manager. What is not reported is counted by the caller (and in its metrics) and summed up in the
 * next report. Lock-free and thread-safe: when several threads arrive at once, exactly one gets through.
 */
public final class ReportGate {

    private final long intervalNanos;
    private final AtomicLong lastOpened;

    /** A gate that opens at most once per {@code interval}. */
    public ReportGate(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastOpened = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Whether this call may report: true the first time, then once at least an interval after the last true. */
    public boolean tryOpen() {
        long now = System.nanoTime();
        long last = lastOpened.get();
        return now - last >= intervalNanos && lastOpened.compareAndSet(last, now);
    }
}
