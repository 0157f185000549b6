package dev.logshield.redact.json;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.ReportGate;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reports a recurring problem to the Logback status at most once every ten seconds, with the count so far, so
 * that an argument failing on every event cannot flood the status manager. Messages name classes only, never
 * the values or exception messages involved: those may hold the very secrets being redacted.
 */
final class RateLimitedReporter {

    private final ContextAware target;
    private final LongAdder count = new LongAdder();
    private final ReportGate gate = new ReportGate(Duration.ofSeconds(10));

    RateLimitedReporter(ContextAware target) {
        this.target = target;
    }

    void error(String message) {
        count.increment();
        if (gate.tryOpen()) {
            try {
                target.addError(message + " (" + count.sum() + " so far; repeats are reported every 10 s)");
            } catch (RuntimeException ignored) {
                // reporting is best effort: it must never turn into an exception in the application
            }
        }
    }

    long count() {
        return count.sum();
    }
}
