package dev.logshield.redact.event;

import java.lang.reflect.Field;
import java.util.function.Supplier;

/**
 * Reads the private fields of logstash-logback-encoder's markers and structured arguments that hold their
 * values: the library exposes them only to its own Jackson serialisers ({@code getFieldValue()} is protected),
 * and calling those would tie LogShield to one Jackson major version. The fields have kept their names from
 * version 7 to 9.
 *
 * <p>Each {@link Field} is looked up once. One that cannot be found or made accessible (a later library version
 * renamed it, a module or security manager refuses) stays null, and reading it throws
 * {@link IllegalStateException}, so that the caller replaces the value instead of passing it on unredacted.
 * Loaded only when logstash-logback-encoder is present.
 */
final class LogstashInternals {

    private static final String MARKER = "net.logstash.logback.marker.";
    private static final String ARGUMENT = "net.logstash.logback.argument.";

    private static final Field FIELD_VALUE = field(MARKER + "ObjectAppendingMarker", "fieldValue");
    private static final Field MESSAGE_FORMAT_PATTERN = field(MARKER + "SingleFieldAppendingMarker", "messageFormatPattern");
    private static final Field RAW_JSON = field(MARKER + "RawJsonAppendingMarker", "rawJson");
    private static final Field MAP = field(MARKER + "MapEntriesAppendingMarker", "map");
    private static final Field OBJECT = field(MARKER + "ObjectFieldsAppendingMarker", "object");
    private static final Field MARKER_SUPPLIER = field(MARKER + "DeferredLogstashMarker", "logstashMarkerSupplier");
    private static final Field ARGUMENT_SUPPLIER =
            field(ARGUMENT + "DeferredStructuredArgument", "structureArgumentSupplier");

    private LogstashInternals() {
    }

    /** The value of {@code kv(...)}, {@code value(...)}, {@code array(...)}, {@code Markers.append(...)}. */
    static Object fieldValue(Object objectAppendingMarker) {
        return read(FIELD_VALUE, objectAppendingMarker);
    }

    /** The pattern that renders a single-field marker in the formatted message ({@code {0}={1}}, {@code {1}}). */
    static String messageFormatPattern(Object singleFieldMarker) {
        return (String) read(MESSAGE_FORMAT_PATTERN, singleFieldMarker);
    }

    /** The JSON text of {@code raw(...)} and {@code Markers.appendRaw(...)}. */
    static String rawJson(Object rawJsonMarker) {
        return (String) read(RAW_JSON, rawJsonMarker);
    }

    /** The map of {@code entries(...)} and {@code Markers.appendEntries(...)}. */
    static Object map(Object mapEntriesMarker) {
        return read(MAP, mapEntriesMarker);
    }

    /** The object of {@code fields(...)} and {@code Markers.appendFields(...)}. */
    static Object object(Object objectFieldsMarker) {
        return read(OBJECT, objectFieldsMarker);
    }

    /** The supplier of {@code Markers.defer(...)}. */
    static Supplier<?> markerSupplier(Object deferredMarker) {
        return (Supplier<?>) read(MARKER_SUPPLIER, deferredMarker);
    }

    /** The supplier of {@code StructuredArguments.defer(...)}. */
    static Supplier<?> argumentSupplier(Object deferredArgument) {
        return (Supplier<?>) read(ARGUMENT_SUPPLIER, deferredArgument);
    }

    private static Object read(Field field, Object target) {
        if (field == null) {
            throw new IllegalStateException("a private field of logstash-logback-encoder could not be made readable; "
                    + "this version of the library is not supported by LogShield's structured redaction");
        }
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(String className, String name) {
        try {
            Class<?> owner = Class.forName(className, false, LogstashInternals.class.getClassLoader());
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // InaccessibleObjectException and SecurityException are runtime exceptions
        }
    }
}
