package dev.logshield.redact.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Rule;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns engine failures into Logback status errors, at most one every ten seconds so that a detector failing
 * on every event cannot flood the status manager; every failure is still counted.
 */
final class StatusReportingListener implements RedactionListener {

    private static final long REPORT_INTERVAL_NANOS = 10_000_000_000L;

    private final ContextAware reporter;
    private final LongAdder failures = new LongAdder();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_INTERVAL_NANOS);

    StatusReportingListener(ContextAware reporter) {
        this.reporter = reporter;
    }

    @Override
    public void onFailure(Rule rule, Throwable failure) {
        failures.increment();
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            reporter.addError("Redaction rule '" + rule.name() + "' failed; the text was masked entirely ("
                    + failures.sum() + " failures so far)", failure);
        }
    }

    long failures() {
        return failures.sum();
    }
}
