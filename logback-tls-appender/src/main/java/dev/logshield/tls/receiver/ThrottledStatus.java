package dev.logshield.tls.receiver;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.ReportGate;
import java.time.Duration;
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
    private final Duration interval;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    ThrottledStatus(ContextAware status, long intervalMillis) {
        this.status = status;
        this.interval = Duration.ofMillis(intervalMillis);
    }

    /** Reports {@code message} as a warning unless {@code topic} was reported less than an interval ago. */
    void warn(String topic, Supplier<String> message) {
        Topic t = topics.computeIfAbsent(topic, k -> new Topic(new ReportGate(interval)));
        t.unreported.incrementAndGet();
        if (t.gate.tryOpen()) {
            long similar = t.unreported.getAndSet(0) - 1;
            try {
                status.addWarn(message.get() + (similar > 0 ? " (and " + similar + " similar since the last report)" : ""));
            } catch (RuntimeException e) {
                // reporting is best effort
            }
        }
    }

    private static final class Topic {
        final ReportGate gate;
        final AtomicLong unreported = new AtomicLong();

        Topic(ReportGate gate) {
            this.gate = gate;
        }
    }
}
