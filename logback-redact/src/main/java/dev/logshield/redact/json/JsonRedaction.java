package dev.logshield.redact.json;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.logback.RedactionEngineHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every redacting generator of one decorator shares: the engine, the field length cap, the counters and
 * the status reporter. Immutable apart from its counters; thread-safe.
 */
final class JsonRedaction {

    static final String RENAMED_METRIC = "logshield.json.protected_field_renamed";
    static final String FAILURES_METRIC = "logshield.json.serialisation_failures";

    private final RedactionEngineHandle engine;
    private final FieldLengthCap cap;
    private final EventCounter protectedMeter;
    private final EventCounter duplicateMeter;
    private final EventCounter failureMeter;
    private final LongAdder protectedRenames = new LongAdder();
    private final LongAdder duplicateRenames = new LongAdder();
    private final RateLimitedReporter failures;
    /** Field names repeat on every event: their redaction and sensitivity, per engine, bounded. */
    private volatile NameVerdicts names = new NameVerdicts(null);

    JsonRedaction(RedactionEngineHandle engine, int maxFieldLength, Meters meters, ContextAware reporter) {
        this.engine = engine;
        this.cap = new FieldLengthCap(maxFieldLength);
        this.protectedMeter = meters.counter(RENAMED_METRIC,
                "Fields kept under another name so they cannot overwrite or duplicate another field", "reason", "protected");
        this.duplicateMeter = meters.counter(RENAMED_METRIC,
                "Fields kept under another name so they cannot overwrite or duplicate another field", "reason", "duplicate");
        this.failureMeter = meters.counter(FAILURES_METRIC,
                "Values that could not be serialised and were replaced by a placeholder");
        this.failures = new RateLimitedReporter(reporter);
    }

    /** The engine in force now (changes when a policy file is reloaded). */
    Redactor redactor() {
        return engine.redactor();
    }

    RedactionEngineHandle engine() {
        return engine;
    }

    FieldLengthCap cap() {
        return cap;
    }

    /** Redacted and capped free text; fails closed. */
    String text(Redactor redactor, String text) {
        return cap.apply(redacted(redactor, text));
    }

    /** Redacted text, not capped (numbers); fails closed. */
    String redacted(Redactor redactor, String text) {
        try {
            return engine.redact(redactor, text);
        } catch (RuntimeException | StackOverflowError e) {
            return Redactor.FAILED;
        }
    }

    /** The value of a field with a sensitive name, replaced whole; fails closed. */
    String mask(Redactor redactor, String name, String value) {
        try {
            return redactor.redactValue(name, value == null ? "" : value);
        } catch (RuntimeException e) {
            return Redactor.FAILED;
        }
    }

    boolean isSensitive(Redactor redactor, String name) {
        return verdict(redactor, name).sensitive;
    }

    /** A field name redacted and capped, like {@link #text}, but computed once per engine and name. */
    String name(Redactor redactor, String name) {
        return verdict(redactor, name).text;
    }

    private NameVerdict verdict(Redactor redactor, String name) {
        NameVerdicts cache = names;
        if (cache.redactor != redactor) {
            cache = new NameVerdicts(redactor); // a reloaded policy: forget what the old engine decided
            names = cache;
        }
        NameVerdict v = cache.byName.get(name);
        if (v == null) {
            boolean sensitive;
            try {
                sensitive = redactor.sensitiveKeys().matches(name);
            } catch (RuntimeException e) {
                sensitive = true; // fail closed: mask the value
            }
            v = new NameVerdict(text(redactor, name), sensitive);
            if (cache.byName.size() < NameVerdicts.MAX_NAMES) { // names may come from MDC keys: stay bounded
                cache.byName.putIfAbsent(name, v);
            }
        }
        return v;
    }

    private static final class NameVerdict {
        final String text;
        final boolean sensitive;

        NameVerdict(String text, boolean sensitive) {
            this.text = text;
            this.sensitive = sensitive;
        }
    }

    private static final class NameVerdicts {
        static final int MAX_NAMES = 4096;
        final Redactor redactor;
        final java.util.concurrent.ConcurrentHashMap<String, NameVerdict> byName = new java.util.concurrent.ConcurrentHashMap<>();

        NameVerdicts(Redactor redactor) {
            this.redactor = redactor;
        }
    }

    void countProtectedRename() {
        protectedRenames.increment();
        protectedMeter.increment();
    }

    void countDuplicateRename() {
        duplicateRenames.increment();
        duplicateMeter.increment();
    }

    void reportFailure(String what) {
        failureMeter.increment();
        failures.error("JSON: " + what + "; the event was written with a placeholder and logshield_error");
    }

    long protectedRenames() {
        return protectedRenames.sum();
    }

    long duplicateRenames() {
        return duplicateRenames.sum();
    }

    long failures() {
        return failures.count();
    }
}
