package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import java.util.Map;
import net.logstash.logback.argument.DeferredStructuredArgument;
import net.logstash.logback.marker.EmptyLogstashMarker;
import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.MapEntriesAppendingMarker;
import net.logstash.logback.marker.ObjectAppendingMarker;
import net.logstash.logback.marker.ObjectFieldsAppendingMarker;
import net.logstash.logback.marker.RawJsonAppendingMarker;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * What each logstash-logback-encoder structured argument, and each logstash marker's own content, becomes once
 * its values are redacted ({@link ValueRedaction} redacts the values themselves). Field names are redacted as
 * text too: they reach the JSON output as keys.
 *
 * <ul>
 *   <li>{@code kv}, {@code keyValue}, {@code value}, {@code array}, {@code Markers.append},
 *       {@code Markers.appendArray} ({@link ObjectAppendingMarker}): a new one with the redacted value and the
 *       same message pattern, so {@code %msg} still renders {@code password=[REDACTED:secret]}.</li>
 *   <li>{@code raw}, {@code Markers.appendRaw} ({@link RawJsonAppendingMarker}): when the JSON text changes it
 *       becomes an {@code ObjectAppendingMarker} holding the redacted text as a string, so that a redaction can
 *       never write invalid raw JSON.</li>
 *   <li>{@code entries}, {@code Markers.appendEntries} ({@link MapEntriesAppendingMarker}): a new one with the
 *       redacted map.</li>
 *   <li>{@code fields}, {@code Markers.appendFields} ({@link ObjectFieldsAppendingMarker}): of a map, a new one
 *       with the redacted map. Of any other object, a POJO whose fields cannot be known without Jackson: it
 *       loses its structure and becomes a string field {@value #FIELDS} holding its redacted {@code toString()}
 *       (rendered in the message as that text alone), always, since its fields may hold what its
 *       {@code toString()} leaves out.</li>
 *   <li>{@code StructuredArguments.defer} ({@link DeferredStructuredArgument}): evaluated now, and replaced by its
 *       redacted value ({@link EmptyLogstashMarker} for null, as the library does).</li>
 *   <li>Another {@code StructuredArgument} implementation, which writes JSON this class cannot see: its redacted
 *       {@code toString()} text, as a plain argument. Another {@code LogstashMarker} subclass: a plain SLF4J marker
 *       with its redacted name only.</li>
 * </ul>
 *
 * <p>The same instance comes back when nothing changed. Exceptions propagate: {@link StructuredValues} fails
 * closed. The only class of this package, with {@link MarkerChains}, that names logstash-logback-encoder's
 * classes; both are loaded only when that library is present, and neither touches Jackson, so that versions 7,
 * 8 (Jackson 2) and 9 (Jackson 3) are all read.
 */
final class LogstashValues {

    /** Field name for the text of an object given to {@code fields(...)}. */
    static final String FIELDS = "fields";
    /** {@code StructuredArguments.VALUE_ONLY_MESSAGE_FORMAT_PATTERN}: the message shows the value alone. */
    private static final String VALUE_ONLY = "{1}";

    private LogstashValues() {
    }

    /** {@code arg}, a {@code StructuredArgument}, with its values redacted; the same instance when clean. */
    static Object argument(Object arg, Redactor redactor) {
        Object current = arg;
        for (int depth = 0; depth <= ValueRedaction.MAX_DEPTH; depth++) {
            if (current instanceof Marker) {
                return MarkerChains.redact((Marker) current, redactor);
            }
            if (!(current instanceof DeferredStructuredArgument)) {
                return redactor.redact(String.valueOf(current)); // an implementation we cannot read: its text only
            }
            current = LogstashInternals.argumentSupplier(current).get();
            if (current == null) {
                return new EmptyLogstashMarker();
            }
        }
        return Redactor.FAILED; // deferred arguments supplying deferred arguments, too deep to be an accident
    }

    /**
     * {@code marker}'s own content redacted, without its references: {@code marker} itself when nothing changed,
     * otherwise a new marker with no references. Not for {@code DeferredLogstashMarker} ({@link MarkerChains}).
     */
    static Marker self(LogstashMarker marker, Redactor redactor) {
        if (marker instanceof ObjectAppendingMarker) {
            return objectField((ObjectAppendingMarker) marker, redactor);
        }
        if (marker instanceof RawJsonAppendingMarker) {
            return rawField((RawJsonAppendingMarker) marker, redactor);
        }
        if (marker instanceof MapEntriesAppendingMarker) {
            Object map = LogstashInternals.map(marker);
            Object redacted = ValueRedaction.redact(null, map, redactor);
            return redacted == map ? marker : new MapEntriesAppendingMarker(asMap(redacted));
        }
        if (marker instanceof ObjectFieldsAppendingMarker) {
            return objectFields((ObjectFieldsAppendingMarker) marker, redactor);
        }
        if (marker instanceof EmptyLogstashMarker) {
            return marker;
        }
        return MarkerFactory.getDetachedMarker(redactor.redact(marker.getName()));
    }

    /** A new marker with {@code marker}'s own (unchanged) content and no references, to rebuild a chain on. */
    static Marker copy(LogstashMarker marker) {
        if (marker instanceof ObjectAppendingMarker) {
            ObjectAppendingMarker m = (ObjectAppendingMarker) marker;
            return new ObjectAppendingMarker(m.getFieldName(), LogstashInternals.fieldValue(m),
                    LogstashInternals.messageFormatPattern(m));
        }
        if (marker instanceof RawJsonAppendingMarker) {
            RawJsonAppendingMarker m = (RawJsonAppendingMarker) marker;
            return new RawJsonAppendingMarker(m.getFieldName(), LogstashInternals.rawJson(m),
                    LogstashInternals.messageFormatPattern(m));
        }
        if (marker instanceof MapEntriesAppendingMarker) {
            return new MapEntriesAppendingMarker(asMap(LogstashInternals.map(marker)));
        }
        if (marker instanceof ObjectFieldsAppendingMarker) {
            return new ObjectFieldsAppendingMarker(LogstashInternals.object(marker));
        }
        if (marker instanceof EmptyLogstashMarker) {
            return new EmptyLogstashMarker();
        }
        throw new IllegalStateException("cannot copy " + marker.getClass().getName()); // self() replaced it already
    }

    private static Marker objectField(ObjectAppendingMarker marker, Redactor redactor) {
        String name = marker.getFieldName();
        Object value = LogstashInternals.fieldValue(marker);
        String redactedName = redactor.redact(name);
        Object redactedValue = ValueRedaction.redact(name, value, redactor);
        if (redactedName == name && redactedValue == value) {
            return marker;
        }
        return new ObjectAppendingMarker(redactedName, redactedValue, LogstashInternals.messageFormatPattern(marker));
    }

    private static Marker rawField(RawJsonAppendingMarker marker, Redactor redactor) {
        String name = marker.getFieldName();
        String raw = LogstashInternals.rawJson(marker);
        String redactedName = redactor.redact(name);
        String redactedRaw = redactor.redactValue(name, raw);
        if (redactedName == name && redactedRaw == raw) {
            return marker;
        }
        String pattern = LogstashInternals.messageFormatPattern(marker);
        if (redactedRaw == raw) {
            return new RawJsonAppendingMarker(redactedName, raw, pattern); // only the name changed: still valid JSON
        }
        return new ObjectAppendingMarker(redactedName, redactedRaw, pattern);
    }

    private static Marker objectFields(ObjectFieldsAppendingMarker marker, Redactor redactor) {
        Object object = LogstashInternals.object(marker);
        if (object == null) {
            return marker;
        }
        if (object instanceof Map) {
            Object redacted = ValueRedaction.redact(null, object, redactor);
            return redacted == object ? marker : new ObjectFieldsAppendingMarker(asMap(redacted));
        }
        return new ObjectAppendingMarker(FIELDS, redactor.redact(String.valueOf(object)), VALUE_ONLY);
    }

    private static Map<?, ?> asMap(Object redacted) {
        if (redacted == null || redacted instanceof Map) {
            return (Map<?, ?>) redacted;
        }
        throw new IllegalStateException("a map was redacted into a " + redacted.getClass().getName());
    }
}
