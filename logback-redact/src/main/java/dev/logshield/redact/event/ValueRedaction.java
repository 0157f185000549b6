package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import java.lang.reflect.Array;
import java.net.URI;
import java.net.URL;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Redacts a plain Java value the way a JSON serialiser would see it: the value of a structured argument or
 * marker ({@code kv("user", value)}, {@code entries(map)}, {@code array(...)}), before Jackson writes it. Knows
 * nothing of logstash-logback-encoder or Jackson.
 *
 * <ul>
 *   <li>A scalar (text, number, boolean, character, enum, UUID, URI, URL, date-time) is redacted as its text,
 *       by its name when it has one ({@link Redactor#redactValue}); it keeps its type when nothing matched, and
 *       becomes the redacted {@code String} otherwise.</li>
 *   <li>Under a sensitive name (password, apiKey...) any structure becomes one mask string, like the redacting
 *       JSON generator writes it.</li>
 *   <li>A map becomes a {@link LinkedHashMap} with each value redacted by its key (keys are redacted as text);
 *       a collection or an array becomes a {@link List} of redacted elements; {@code char[]} and
 *       {@code byte[]} are redacted as the string and base64 text Jackson writes for them.</li>
 *   <li>Any other object is a POJO that Jackson would write field by field, fields this class cannot know without
 *       Jackson (a {@code password} field left out of {@code toString()} would still be written): it is always
 *       replaced by its redacted {@code toString()} text.</li>
 * </ul>
 *
 * <p>The same instance comes back when nothing changed, without allocating for a clean scalar beyond what the
 * redactor does. Nesting deeper than {@link #MAX_DEPTH} and a structure that contains itself become
 * {@link Redactor#FAILED}. Exceptions (a {@code toString()} that throws) propagate: the caller fails closed.
 */
final class ValueRedaction {

    /** Structures nested deeper than this are replaced by {@link Redactor#FAILED}. */
    static final int MAX_DEPTH = 16;

    private final Redactor redactor;
    /** The structures being walked, from the root to the current one: a structure met again is a cycle. */
    private Set<Object> path;

    private ValueRedaction(Redactor redactor) {
        this.redactor = redactor;
    }

    /** {@code value} redacted as the value of the field {@code name} (null for an element without a name). */
    static Object redact(String name, Object value, Redactor redactor) {
        if (value == null) {
            return null;
        }
        if (isScalar(value)) {
            return scalar(name, value, redactor);
        }
        return new ValueRedaction(redactor).walk(name, value, 0);
    }

    private static Object scalar(String name, Object value, Redactor redactor) {
        String text = String.valueOf(value);
        String redacted = name == null ? redactor.redact(text) : redactor.redactValue(name, text);
        return redacted == text ? value : redacted;
    }

    private Object walk(String name, Object value, int depth) {
        if (value == null) {
            return null;
        }
        if (isScalar(value)) {
            return scalar(name, value, redactor);
        }
        if (name != null && redactor.sensitiveKeys().matches(name)) {
            return redactor.redactValue(name, ""); // a structure under a secret's name: nothing of it is written
        }
        if (value instanceof char[]) {
            String text = new String((char[]) value);
            String redacted = redactor.redact(text);
            return redacted == text ? value : redacted;
        }
        if (value instanceof byte[]) {
            String text = Base64.getEncoder().encodeToString((byte[]) value);
            String redacted = redactor.redact(text);
            return redacted == text ? value : redacted;
        }
        boolean structure = value instanceof Map || value instanceof Collection || value.getClass().isArray();
        if (!structure) {
            String text = String.valueOf(value); // a POJO: its text, never the object
            return name == null ? redactor.redact(text) : redactor.redactValue(name, text);
        }
        if (path == null) {
            path = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        if (depth >= MAX_DEPTH || !path.add(value)) {
            return Redactor.FAILED;
        }
        try {
            if (value instanceof Map) {
                return map((Map<?, ?>) value, depth);
            }
            if (value instanceof Collection) {
                return collection((Collection<?>) value, depth);
            }
            return array(value, depth);
        } finally {
            path.remove(value);
        }
    }

    private Object map(Map<?, ?> map, int depth) {
        Map<Object, Object> out = null;
        int seen = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = e.getKey();
            Object value = e.getValue();
            String name = key == null ? null : String.valueOf(key);
            String redactedName = redactor.redact(name);
            Object redactedValue = walk(name, value, depth + 1);
            if (out == null && (redactedName != name || redactedValue != value)) {
                out = copyOfFirst(map, seen);
            }
            if (out != null) {
                if (redactedName != name) {
                    out.put(unique(out, redactedName), redactedValue);
                } else {
                    out.put(key, redactedValue);
                }
            }
            seen++;
        }
        return out == null ? map : out;
    }

    private static Map<Object, Object> copyOfFirst(Map<?, ?> map, int count) {
        Map<Object, Object> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (i++ == count) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Two keys redacted to the same mask must not overwrite each other's value. */
    private static String unique(Map<Object, Object> out, String key) {
        String candidate = key;
        for (int n = 2; out.containsKey(candidate); n++) {
            candidate = key + "#" + n;
        }
        return candidate;
    }

    private Object collection(Collection<?> elements, int depth) {
        List<Object> out = null;
        int i = 0;
        for (Object element : elements) {
            Object redacted = walk(null, element, depth + 1);
            if (out == null && redacted != element) {
                out = new ArrayList<>(elements.size());
                int j = 0;
                for (Object before : elements) {
                    if (j++ == i) {
                        break;
                    }
                    out.add(before);
                }
            }
            if (out != null) {
                out.add(redacted);
            }
            i++;
        }
        return out == null ? elements : out;
    }

    private Object array(Object array, int depth) {
        if (array instanceof boolean[]) {
            return array; // true and false tell no secret
        }
        int length = Array.getLength(array);
        List<Object> out = null;
        for (int i = 0; i < length; i++) {
            Object element = Array.get(array, i);
            Object redacted = walk(null, element, depth + 1);
            if (out == null && redacted != element) {
                out = new ArrayList<>(length);
                for (int j = 0; j < i; j++) {
                    out.add(Array.get(array, j));
                }
            }
            if (out != null) {
                out.add(redacted);
            }
        }
        return out == null ? array : out;
    }

    /** Values Jackson writes as one scalar whose text is all they carry. */
    private static boolean isScalar(Object v) {
        return v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Character
                || v instanceof Enum || v instanceof UUID || v instanceof URI || v instanceof URL
                || v instanceof TemporalAccessor || v instanceof TemporalAmount;
    }
}
