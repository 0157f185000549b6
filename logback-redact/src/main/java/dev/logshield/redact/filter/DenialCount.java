package dev.logshield.redact.filter;

import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import java.util.concurrent.atomic.LongAdder;

/** Events denied under one rule id: a local count for {@code deniedBy(id)} and the Micrometer counter. */
final class DenialCount {

    static final String METER = "logshield.access.denied";

    private final LongAdder count = new LongAdder();
    private final EventCounter meter;

    private DenialCount(EventCounter meter) {
        this.meter = meter;
    }

    /** A count published as {@code logshield.access.denied{rule=ruleId}} on {@code meters}. */
    static DenialCount publishedOn(Meters meters, String ruleId) {
        return new DenialCount(meters.counter(METER, "Logging events denied by an AccessControlTurboFilter, by rule",
                "rule", ruleId));
    }

    static DenialCount unpublished() {
        return new DenialCount(EventCounter.NOOP);
    }

    void record() {
        count.increment();
        meter.increment();
    }

    long count() {
        return count.sum();
    }
}
