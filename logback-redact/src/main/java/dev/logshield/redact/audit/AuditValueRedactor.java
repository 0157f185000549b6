package dev.logshield.redact.audit;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the values callers attach to an audit event into what the record may hold: strings, numbers, booleans,
 * null, and maps and lists of those, every piece redacted.
 *
 * <ul>
 *   <li>Under a sensitive key ({@code token}, {@code apiKey}, {@code client_secret}..., at any depth, and for
 *       every leaf below such a key) a value is rendered whole with the {@code partial} action: a recognised
 *       key keeps its known prefix ({@code tok-1234****cdef}), anything else keeps two characters each side
 *       or, when short, is masked ({@code [REDACTED:secret]}).</li>
 *   <li>Every other string, map key, and the text of every other object ({@code toString()}), goes through the
 *       redaction engine. A number whose digits the engine would redact (a card number passed as a
 *       {@code long}) is written as the redacted string.</li>
 *   <li>Nesting deeper than {@value #MAX_DEPTH} levels (or a cycle) ends in {@code "[too deep]"}; containers
 *       stop after {@value #MAX_ITEMS} items with a {@code "[truncated]"} marker.</li>
 * </ul>
 * Immutable and thread-safe. A value whose {@code toString()} or iteration throws becomes
 * {@code "[unreadable]"} and the draft is flagged.
 */
final class AuditValueRedactor {

    static final int MAX_DEPTH = 16;
    static final int MAX_ITEMS = 10_000;
    static final String TOO_DEEP = "[too deep]";
    static final String TRUNCATED = "[truncated]";
    static final String UNREADABLE = "[unreadable]";

    private final Redactor redactor;
    private final SensitiveKeyMatcher sensitiveKeys;

    AuditValueRedactor(Redactor redactor) {
        this.redactor = redactor;
        this.sensitiveKeys = redactor.sensitiveKeys();
    }

    /** Free text (the message): redacted. */
    String text(String text) {
        return redactor.redact(text);
    }

    /** True when {@code key} names a secret. */
    boolean isSensitive(String key) {
        return key != null && sensitiveKeys.matches(key);
    }

    /** A string field of the schema ({@code action}, {@code actor}...): the value's text, redacted. */
    String field(String key, Object value, AuditDraft draft) {
        if (value == null) {
            return null;
        }
        String s = textOf(value, draft);
        return isSensitive(key) ? secret(s) : redactor.redact(s);
    }

    /** A value of {@code details} under {@code key}, as a JSON-ready tree. */
    Object detail(String key, Object value, AuditDraft draft) {
        return convert(value, isSensitive(key), 1, draft);
    }

    /** A key of {@code details} or of a nested map: redacted like text. */
    String key(Object key, AuditDraft draft) {
        return redactor.redact(textOf(key, draft));
    }

    private Object convert(Object value, boolean secret, int depth, AuditDraft draft) {
        if (value == null) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return TOO_DEEP;
        }
        try {
            if (value instanceof Map) {
                return map((Map<?, ?>) value, secret, depth, draft);
            }
            if (value instanceof Iterable) {
                return list(((Iterable<?>) value).iterator(), secret, depth, draft);
            }
            if (value instanceof char[]) {
                return scalar(new String((char[]) value), secret);
            }
            if (value.getClass().isArray()) {
                return array(value, secret, depth, draft);
            }
            if (secret) {
                return secret(textOf(value, draft));
            }
            if (value instanceof Boolean) {
                return value;
            }
            if (value instanceof Number) {
                return number((Number) value);
            }
            return redactor.redact(textOf(value, draft));
        } catch (RuntimeException | StackOverflowError e) {
            draft.failed("a details value", e);
            return UNREADABLE;
        }
    }

    private Map<String, Object> map(Map<?, ?> map, boolean secret, int depth, AuditDraft draft) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (n++ == MAX_ITEMS) {
                out.putIfAbsent(TRUNCATED, true);
                break;
            }
            String rawKey = textOf(e.getKey(), draft);
            boolean childSecret = secret || isSensitive(rawKey);
            out.putIfAbsent(redactor.redact(rawKey), convert(e.getValue(), childSecret, depth + 1, draft));
        }
        return out;
    }

    private List<Object> list(Iterator<?> items, boolean secret, int depth, AuditDraft draft) {
        List<Object> out = new ArrayList<>();
        while (items.hasNext()) {
            if (out.size() == MAX_ITEMS) {
                out.add(TRUNCATED);
                break;
            }
            out.add(convert(items.next(), secret, depth + 1, draft));
        }
        return out;
    }

    /** Arrays of objects or primitives (java.lang.reflect.Array reads both without boxing code per type). */
    private List<Object> array(Object array, boolean secret, int depth, AuditDraft draft) {
        int length = Array.getLength(array);
        List<Object> out = new ArrayList<>(Math.min(length, MAX_ITEMS + 1));
        for (int i = 0; i < length; i++) {
            if (i == MAX_ITEMS) {
                out.add(TRUNCATED);
                break;
            }
            out.add(convert(Array.get(array, i), secret, depth + 1, draft));
        }
        return out;
    }

    private Object scalar(String s, boolean secret) {
        return secret ? secret(s) : redactor.redact(s);
    }

    /** Numbers of the JDK's own types stay numbers unless their digits would be redacted; others are text. */
    private Object number(Number n) {
        Object normalised;
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            normalised = n.longValue();
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            normalised = Double.isFinite(d) ? (Object) d : String.valueOf(d);
        } else if (n instanceof BigInteger || n instanceof BigDecimal) {
            normalised = n;
        } else {
            return redactor.redact(String.valueOf(n)); // a custom Number's toString is just text
        }
        String digits = normalised.toString();
        String redacted = redactor.redact(digits);
        return redacted.equals(digits) ? normalised : redacted;
    }

    private String secret(String s) {
        return redactor.renderWhole(Action.PARTIAL, SensitiveKeyMatcher.LABEL, s);
    }

    /** The text of a value; an address without a lookup; {@link #UNREADABLE} when toString() throws. */
    private static String textOf(Object value, AuditDraft draft) {
        if (value == null) {
            return "null";
        }
        try {
            if (value instanceof InetAddress) {
                return ((InetAddress) value).getHostAddress();
            }
            String s = value.toString();
            return s == null ? "null" : s;
        } catch (RuntimeException | StackOverflowError e) {
            draft.failed("toString() of a " + value.getClass().getName(), e);
            return UNREADABLE;
        }
    }
}
