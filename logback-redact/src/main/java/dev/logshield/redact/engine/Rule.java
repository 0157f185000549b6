package dev.logshield.redact.engine;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/** A detector bound to the action to take on what it finds, with a hit counter for metrics. */
public final class Rule {

    private final Detector detector;
    private final Action action;
    private final LongAdder hits = new LongAdder();

    public Rule(Detector detector, Action action) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.action = Objects.requireNonNull(action, "action");
    }

    public String name() {
        return detector.name();
    }

    public Detector detector() {
        return detector;
    }

    public Action action() {
        return action;
    }

    /** Number of spans this rule has redacted since it was compiled. */
    public long hits() {
        return hits.sum();
    }

    void recordHit() {
        hits.increment();
    }

    @Override
    public String toString() {
        return detector.name() + "=" + action;
    }
}
