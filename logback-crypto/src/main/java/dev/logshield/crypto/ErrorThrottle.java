package dev.logshield.crypto;

import ch.qos.logback.core.spi.ContextAwareBase;
import dev.logshield.metrics.ReportGate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports appender failures without flooding the status manager: the first at once, then at most one per period,
 * each saying how many events were dropped since the last report.
 */
final class ErrorThrottle {

    private final ReportGate gate;
    private final AtomicLong droppedSinceReport = new AtomicLong();

    ErrorThrottle(long periodMs) {
        this.gate = new ReportGate(Duration.ofMillis(periodMs));
    }

    void countDrop(int events) {
        droppedSinceReport.addAndGet(events);
    }

    void report(ContextAwareBase owner, String message, Throwable cause) {
        if (!gate.tryOpen()) {
            return;
        }
        long dropped = droppedSinceReport.getAndSet(0);
        String suffix = dropped > 0 ? " (" + dropped + " event(s) dropped since the last report)" : "";
        if (cause != null) {
            owner.addError(message + suffix, cause);
        } else {
            owner.addError(message + suffix);
        }
    }
}
