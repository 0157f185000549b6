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
        if (provider instanceof MdcJsonProvider) {
            return MDC;
        }
        if (provider instanceof ArgumentsJsonProvider || provider instanceof KeyValuePairsJsonProvider) {
            return ARGUMENT;
        }
        if (provider instanceof LogstashMarkersJsonProvider) {
            return MARKER;
        }
        return STANDARD;
    }
}
