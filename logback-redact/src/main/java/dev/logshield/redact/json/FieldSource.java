package dev.logshield.redact.json;

import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;

/**
 * Who is writing the current top-level fields of an event. Fields that carry application data (MDC,
 * arguments and key-values, markers) may not take a standard field's name: they are kept under
 * {@link #prefix()} + name instead.
 */
enum FieldSource {
    /** No provider information (the decorator used on its own): only the duplicate-key rule applies. */
    UNKNOWN(null, "field"),
    /** A provider that writes the encoder's own fields (timestamp, level, logger...) or configured ones. */
    STANDARD(null, "field"),
    MDC("mdc.", "mdc"),
    ARGUMENT("arg.", "argument"),
    MARKER("marker.", "marker"),
    /** LogShield's own error fields. */
    SELF(null, "logshield");

    private final String prefix;
    private final String label;

    FieldSource(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    /** Prefix for this source's fields that would take a protected or already written name; null for none. */
    String prefix() {
        return prefix;
    }

    /** How failures of this source are named in {@code logshield_error}. */
    String label() {
        return label;
    }

    boolean isApplicationData() {
        return prefix != null;
    }

    /** The source of the fields {@code provider} writes at the top level of the event. */
    static FieldSource of(JsonProvider<?> provider) {
        return ofClass(provider.getClass());
    }

    private static FieldSource ofClass(Class<?> type) {
        if (MdcJsonProvider.class.isAssignableFrom(type)) {
            return MDC;
        }
        if (ArgumentsJsonProvider.class.isAssignableFrom(type) || KeyValuePairsJsonProvider.class.isAssignableFrom(type)) {
            return ARGUMENT;
        }
        if (LogstashMarkersJsonProvider.class.isAssignableFrom(type)) {
            return MARKER;
        }
        return STANDARD;
    }

    /**
     * The source of a top-level field when nobody said (the decorator used without {@code RedactingJsonProviders}):
     * the nearest provider on the call stack. Costs a short stack walk, so it is used only for protected names.
     */
    static FieldSource ofCaller() {
        return WALKER.walk(frames -> frames.limit(MAX_FRAMES)
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(JsonProvider.class::isAssignableFrom)
                .findFirst())
                .map(FieldSource::ofClass)
                .orElse(UNKNOWN);
    }

    private static final int MAX_FRAMES = 64;
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
}
