package dev.logshield.redact.audit;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an {@link AuditRecord} as one JSON object and a {@code \n}, UTF-8, fields always in schema order,
 * with Jackson 3's streaming generator (which escapes quotes, backslashes and control characters). Lone UTF-16
 * surrogates, which have no UTF-8 form, are written as U+FFFD so the line is always valid UTF-8 JSON.
 * Immutable and thread-safe; a fresh buffer per record (audit volume is low, and nothing is shared).
 */
final class AuditRecordWriter {

    /** Schema name and version, the first field of every record. */
    static final String SCHEMA = "logshield.audit/1";

    private final JsonFactory factory = JsonFactory.builder().build();

    /** The record's line; throws if the generator fails (the encoder then falls back). */
    byte[] write(AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            string(g, "timestamp", r.timestamp());
            string(g, "action", r.action());
            string(g, "actor", r.actor());
            string(g, "project_id", r.projectId());
            string(g, "request_id", r.requestId());
            string(g, "client_ip", r.clientIp());
            string(g, "result", r.result());
            g.writeName("details");
            value(g, r.details() == null ? Map.of() : r.details());
            string(g, "message", r.message());
            if (r.encodingError()) {
                g.writeBooleanProperty("encoding_error", true);
            }
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * The last resort, built without Jackson from text that needs no escaping: every field null except the
     * schema, the timestamp ({@code [0-9T:.Z-]} only) and {@code encoding_error}.
     */
    static byte[] minimal(String timestamp) {
        String ts = timestamp != null && timestamp.matches("[0-9T:.Z+-]{1,40}") ? '"' + timestamp + '"' : "null";
        return ("{\"schema\":\"" + SCHEMA + "\",\"timestamp\":" + ts + ",\"action\":null,\"actor\":null,"
                + "\"project_id\":null,\"request_id\":null,\"client_ip\":null,\"result\":null,\"details\":{},"
                + "\"message\":null,\"encoding_error\":true}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void string(JsonGenerator g, String name, String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(wellFormed(value));
        }
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString(wellFormed((String) v));
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double) {
            g.writeNumber((Double) v);
        } else if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v);
        } else if (v instanceof BigDecimal) {
            g.writeNumber((BigDecimal) v);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeName(wellFormed(String.valueOf(e.getKey())));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object item : (List<?>) v) {
                value(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(wellFormed(String.valueOf(v))); // not produced by AuditValueRedactor; kept total
        }
    }

    /** {@code s} with every unpaired surrogate replaced by U+FFFD; the same instance when there is none. */
    static String wellFormed(String s) {
        final int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i += 2;
            } else if (Character.isSurrogate(c)) {
                break;
            } else {
                i++;
            }
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(i + 1));
                i += 2;
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                i++;
            }
        }
        return b.toString();
    }
}
