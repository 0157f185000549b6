package dev.logshield.tls;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dropped events by reason, twice: since the last report, taken (and reset) by whoever reports, and in all since
 * start. Thread-safe and lock-free: application threads add while a reporter takes, and nothing added is ever
 * missed by both.
 */
final class DropTally {

    private final Map<String, AtomicLong> sinceReport = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> total = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();

    void add(String reason, long events) {
        total.computeIfAbsent(reason, r -> new AtomicLong()).addAndGet(events);
        sinceReport.computeIfAbsent(reason, r -> new AtomicLong()).addAndGet(events);
        pending.addAndGet(events);
    }

    /** Whether events were dropped since the last {@link #takeSinceReport()}. */
    boolean hasUnreported() {
        return pending.get() > 0;
    }

    /** The counts since the last call, by reason (reasons without drops left out), and resets them. */
    Map<String, Long> takeSinceReport() {
        Map<String, Long> taken = new TreeMap<>();
        for (Map.Entry<String, AtomicLong> entry : sinceReport.entrySet()) {
            long n = entry.getValue().getAndSet(0);
            if (n > 0) {
                taken.put(entry.getKey(), n);
                pending.addAndGet(-n);
            }
        }
        return taken;
    }

    /** The counts since start, by reason. */
    Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        total.forEach((reason, n) -> totals.put(reason, n.get()));
        return totals;
    }

    static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** E.g. {@code queue-full 4000, spool-full 999}. */
    static String describe(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((reason, n) -> text.append(text.length() == 0 ? "" : ", ").append(reason).append(' ').append(n));
        return text.toString();
    }
}
