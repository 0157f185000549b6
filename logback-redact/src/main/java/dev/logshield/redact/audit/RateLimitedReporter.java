package dev.logshield.redact.audit;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.ReportGate;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Rule;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reports the audit encoder's problems at log time as Logback status errors, at most one every ten seconds so
 * that an event type failing every time cannot flood the status manager; every problem is still counted and
 * the count is part of the next report. Also receives the redaction engine's detector failures.
 */
final class RateLimitedReporter implements RedactionListener {

    private final ContextAware status;
    private final LongAdder problems = new LongAdder();
    private final ReportGate gate = new ReportGate(Duration.ofSeconds(10));

    RateLimitedReporter(ContextAware status) {
        this.status = status;
    }

    /** Counts a problem and reports it unless another was reported less than ten seconds ago. */
    void report(String message, Throwable cause) {
        problems.increment();
        if (gate.tryOpen()) {
            try {
                status.addError(message + " (" + problems.sum() + " audit encoding problems so far)", cause);
            } catch (RuntimeException ignored) {
                // reporting is best effort: the record has been written anyway
            }
        }
    }

    @Override
    public void onFailure(Rule rule, Throwable failure) {
        report("Redaction rule '" + rule.name() + "' failed on an audit value; the value was masked entirely", failure);
    }
}
