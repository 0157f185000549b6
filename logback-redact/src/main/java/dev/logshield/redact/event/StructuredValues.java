package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Redacts the values carried by logstash-logback-encoder's structured arguments
 * ({@code StructuredArguments.kv/keyValue/value/entries/fields/array/raw/defer}) and markers
 * ({@code Markers.append/appendEntries/appendFields/appendArray/appendRaw/defer}, combined with {@code .and(...)})
 * while keeping them structured, so that an event handed to any appender carries no secret and consumers that
 * understand them ({@code LogstashEncoder} writes them as JSON fields) still do.
 *
 * <p>A value with a name is redacted by {@link Redactor#redactValue} (masked whole under a sensitive name such as
 * {@code password} or {@code apiKey}), an element without one by {@link Redactor#redact}; maps, collections and
 * arrays are walked ({@link ValueRedaction}). What each kind becomes is listed in {@link LogstashValues}; two
 * lose their structure because this code reads no Jackson type (so that logstash-logback-encoder 7, 8 and 9 all
 * work, whatever their Jackson major version): a POJO value is replaced by its redacted {@code toString()} text,
 * since Jackson would write fields that text may leave out, and {@code fields(pojo)} becomes a string field
 * {@code "fields"} holding that text. {@code defer(...)} is evaluated and replaced by its redacted value.
 *
 * <p>The library is optional: without it nothing is structured, arguments and markers are returned as they are,
 * and none of the classes that name it is loaded. Nothing here throws: whatever fails (a field that reflection
 * cannot read, a {@code toString()} or supplier that throws, a stack overflow) replaces the argument by
 * {@link Redactor#FAILED}, or the marker by a marker of that name, never by the unredacted original.
 */
final class StructuredValues {

    /** Null when logstash-logback-encoder is absent. */
    private static final Class<?> LOGSTASH_MARKER = optionalClass("net.logstash.logback.marker.LogstashMarker");
    private static final Class<?> STRUCTURED_ARGUMENT =
            LOGSTASH_MARKER == null ? null : optionalClass("net.logstash.logback.argument.StructuredArgument");

    private StructuredValues() {
    }

    /** True when arg is a logstash-logback-encoder StructuredArgument (false when that library is absent). */
    static boolean isStructured(Object arg) {
        return STRUCTURED_ARGUMENT != null && STRUCTURED_ARGUMENT.isInstance(arg);
    }

    /**
     * arg with every value redacted, or the SAME instance when arg is not structured or nothing in it was redacted.
     * Never throws: on any failure returns {@link Redactor#FAILED} in its place.
     */
    static Object redactArgument(Object arg, Redactor redactor) {
        if (!isStructured(arg)) {
            return arg;
        }
        try {
            return LogstashValues.argument(arg, redactor);
        } catch (Throwable e) { // even an Error or a sneaky checked exception: the original must not get through
            return Redactor.FAILED;
        }
    }

    /**
     * The marker list with every logstash marker's values redacted (references / {@code .and(...)} chains rebuilt),
     * or the SAME list instance when nothing changed. Plain SLF4J markers keep their names unless a name holds a
 * secret (then a detached marker of the redacted name stands in). null
     * stays null. Never throws: a marker whose redaction fails is replaced by a marker named
     * {@link Redactor#FAILED}.
     */
    static List<Marker> redactMarkers(List<Marker> markers, Redactor redactor) {
        if (markers == null || markers.isEmpty()) {
            return markers;
        }
        try {
            List<Marker> out = null;
            int i = 0;
            for (Marker marker : markers) {
                Marker redacted = redactMarker(marker, redactor);
                if (out == null && redacted != marker) {
                    out = new ArrayList<>(markers.subList(0, i));
                }
                if (out != null) {
                    out.add(redacted);
                }
                i++;
            }
            return out == null ? markers : Collections.unmodifiableList(out);
        } catch (Throwable e) { // the list itself failed: none of its markers can be trusted
            return List.of(failedMarker());
        }
    }

    private static Marker redactMarker(Marker marker, Redactor redactor) {
        if (marker == null) {
            return null;
        }
        try {
            if (LOGSTASH_MARKER == null || !LOGSTASH_MARKER.isInstance(marker) && !marker.hasReferences()) {
                return plain(marker, redactor);
            }
            return MarkerChains.redact(marker, redactor);
        } catch (Throwable e) {
            return failedMarker();
        }
    }

    /**
     * A plain SLF4J marker (a name, with references only when logstash-logback-encoder is absent): itself when its
     * text is clean, else a detached marker named by its redacted text (a secret built into a marker name).
     */
    static Marker plain(Marker marker, Redactor redactor) {
        String text = marker.hasReferences() ? marker.toString() : marker.getName();
        String redacted = redactor.redact(text);
        return redacted == text ? marker : MarkerFactory.getDetachedMarker(redacted);
    }

    /** A new marker (never shared: markers are mutable) that stands for one whose redaction failed. */
    static Marker failedMarker() {
        return MarkerFactory.getDetachedMarker(Redactor.FAILED);
    }

    private static Class<?> optionalClass(String name) {
        try {
            return Class.forName(name, false, StructuredValues.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
