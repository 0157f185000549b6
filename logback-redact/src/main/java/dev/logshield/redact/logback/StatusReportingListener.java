package dev.logshield.redact.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Rule;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns engine failures into Logback status errors, at most one every ten seconds so that a detector failing
 * on every event cannot flood the status manager; every failure is still counted. Publishes hits as
 * {@code logshield.redactions} (tag {@code rule}) and failures as {@code logshield.redaction.failures}.
 */
final class StatusReportingListener implements RedactionListener {

    private static final long REPORT_INTERVAL_NANOS = 10_000_000_000L;

    private final ContextAware reporter;
    private final Meters meters;
    private final Map<String, EventCounter> hitCounters = new ConcurrentHashMap<>();
    private final EventCounter failureCounter;
    private final LongAdder failures = new LongAdder();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_INTERVAL_NANOS);

    StatusReportingListener(ContextAware reporter, Meters meters) {
        this.reporter = reporter;
        this.meters = meters;
        this.failureCounter = meters.counter("logshield.redaction.failures",
                "Texts masked whole because a redaction rule failed");
    }

    @Override
    public void onHit(Rule rule) {
        hitCounters.computeIfAbsent(rule.name(),
                name -> meters.counter("logshield.redactions", "Spans redacted, by rule", "rule", name)).increment();
    }

    @Override
    public void onFailure(Rule rule, Throwable failure) {
        failures.increment();
        failureCounter.increment();
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
