package dev.logshield.tls.framing;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.ReportGate;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reports problems met at log time as Logback status errors, at most one every ten seconds, so that an event type
 * failing every time cannot flood the status manager; every problem is counted and the count is in each report.
 */
final class RateLimitedStatus {

    private final ContextAware status;
    private final LongAdder problems = new LongAdder();
    private final ReportGate gate = new ReportGate(Duration.ofSeconds(10));

    RateLimitedStatus(ContextAware status) {
        this.status = status;
    }

    void report(String message, Throwable cause) {
        problems.increment();
        if (gate.tryOpen()) {
            try {
                status.addError(message + " (" + problems.sum() + " encoding problems so far)", cause);
            } catch (RuntimeException ignored) {
                // reporting is best effort: the event has been written anyway
            }
        }
    }

    long count() {
        return problems.sum();
    }
}
