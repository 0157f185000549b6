package dev.logshield.tls.receiver;

import ch.qos.logback.core.spi.ContextAware;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Status warnings about clients (rejected handshakes, dropped frames, closed connections) at most one per topic
 * every {@code interval}, so that a hostile or broken client cannot flood the status manager; the report says how
 * many similar problems it stands for. The counters are exact in the metrics anyway. Thread-safe.
 */
final class ThrottledStatus {

    private final ContextAware status;
    private final long intervalNanos;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    ThrottledStatus(ContextAware status, long intervalMillis) {
        this.status = status;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Reports {@code message} as a warning unless {@code topic} was reported less than an interval ago. */
    void warn(String topic, Supplier<String> message) {
        Topic t = topics.computeIfAbsent(topic, k -> new Topic(System.nanoTime() - intervalNanos));
        t.unreported.incrementAndGet();
        long now = System.nanoTime();
        long last = t.lastReport.get();
        if (now - last >= intervalNanos && t.lastReport.compareAndSet(last, now)) {
            long similar = t.unreported.getAndSet(0) - 1;
            try {
                status.addWarn(message.get() + (similar > 0 ? " (and " + similar + " similar since the last report)" : ""));
            } catch (RuntimeException e) {
                // reporting is best effort
            }
        }
    }

    private static final class Topic {
        final AtomicLong lastReport;
        final AtomicLong unreported = new AtomicLong();

        Topic(long lastReport) {
            this.lastReport = new AtomicLong(lastReport);
        }
    }
}
