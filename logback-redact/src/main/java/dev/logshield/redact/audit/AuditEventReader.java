package dev.logshield.redact.audit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Turns a logging event into an {@link AuditRecord}.
 *
 * <p>Pairs are gathered in this order: SLF4J 2 fluent key-values ({@code addKeyValue}), then structured
 * arguments and markers when logstash-logback-encoder is present ({@link ArgumentFields}). A pair whose key
 * names a schema field (any spelling {@link SchemaField} accepts) fills it; the first non-null value wins and
 * later ones are ignored. A {@code details} pair whose value is a map has its entries merged into
 * {@code details}; every other pair goes into {@code details} under its own key (first wins). When no pair
 * gives {@code actor} or {@code request_id}, the MDC does: {@code actor}, then {@code user}; {@code request_id},
 * then {@code requestId}, then {@code request-id}. Immutable and thread-safe.
 */
final class AuditEventReader {

    static final String RESULT_RAW = "result_raw";

    private static final List<String> ACTOR_MDC_KEYS = List.of("actor", "user");
    private static final List<String> REQUEST_ID_MDC_KEYS = List.of("request_id", "requestId", "request-id");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final AuditValueRedactor values;
    private final ClientIpMode clientIpMode;
    private final ArgumentFields argumentFields;

    AuditEventReader(AuditValueRedactor values, ClientIpMode clientIpMode, ArgumentFields argumentFields) {
        this.values = values;
        this.clientIpMode = clientIpMode;
        this.argumentFields = argumentFields;
    }

    /** ISO-8601 UTC with milliseconds: {@code 2026-11-25T10:11:12.123Z}. */
    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The record for {@code event}; parts that fail are left out and {@code draft} says so. */
    AuditRecord read(ILoggingEvent event, AuditDraft draft) {
        String timestamp = timestamp(event.getTimeStamp());
        try {
            List<KeyValuePair> kvps = event.getKeyValuePairs();
            if (kvps != null) {
                for (KeyValuePair kvp : kvps) {
                    if (kvp != null) {
                        draft.add(kvp.key, kvp.value);
                    }
                }
            }
        } catch (RuntimeException e) {
            draft.failed("key-value pairs", e);
        }
        argumentFields.collect(event, draft);

        Object[] named = new Object[SchemaField.values().length];
        Map<String, Object> rawDetails = new LinkedHashMap<>();
        for (Map.Entry<String, Object> pair : draft.pairs()) {
            String key = pair.getKey();
            Object value = pair.getValue();
            SchemaField field = SchemaField.of(key);
            if (field != null) {
                if (named[field.ordinal()] == null) {
                    named[field.ordinal()] = value;
                }
            } else if ("details".equalsIgnoreCase(key) && value instanceof Map) {
                mergeInto(rawDetails, (Map<?, ?>) value, draft);
            } else {
                rawDetails.putIfAbsent(key, value);
            }
        }
        Map<String, String> mdc = mdc(event, draft);
        if (named[SchemaField.ACTOR.ordinal()] == null) {
            named[SchemaField.ACTOR.ordinal()] = first(mdc, ACTOR_MDC_KEYS);
        }
        if (named[SchemaField.REQUEST_ID.ordinal()] == null) {
            named[SchemaField.REQUEST_ID.ordinal()] = first(mdc, REQUEST_ID_MDC_KEYS);
        }

        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : rawDetails.entrySet()) {
            details.putIfAbsent(values.key(e.getKey(), draft), values.detail(e.getKey(), e.getValue(), draft));
        }
        Object rawResult = named[SchemaField.RESULT.ordinal()];
        String result = AuditResult.normalise(rawResult);
        if (AuditResult.UNKNOWN.equals(result)) {
            details.put(RESULT_RAW, values.field(RESULT_RAW, rawResult, draft));
        }
        String clientIp;
        try {
            clientIp = clientIpMode.render(named[SchemaField.CLIENT_IP.ordinal()]);
        } catch (RuntimeException e) {
            draft.failed("client_ip", e);
            clientIp = ClientIpMode.MASKED;
        }
        return new AuditRecord(timestamp,
                field(SchemaField.ACTION, named, draft),
                field(SchemaField.ACTOR, named, draft),
                field(SchemaField.PROJECT_ID, named, draft),
                field(SchemaField.REQUEST_ID, named, draft),
                clientIp, result, details, message(event, draft), draft.hasFailed());
    }

    private String field(SchemaField field, Object[] named, AuditDraft draft) {
        return values.field(field.jsonName, named[field.ordinal()], draft);
    }

    private String message(ILoggingEvent event, AuditDraft draft) {
        try {
            return values.text(event.getFormattedMessage());
        } catch (RuntimeException e) {
            draft.failed("message", e);
            return null;
        }
    }

    private static void mergeInto(Map<String, Object> details, Map<?, ?> entries, AuditDraft draft) {
        try {
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                details.putIfAbsent(String.valueOf(e.getKey()), e.getValue());
            }
        } catch (RuntimeException e) {
            draft.failed("details map", e);
        }
    }

    private static Map<String, String> mdc(ILoggingEvent event, AuditDraft draft) {
        try {
            Map<String, String> mdc = event.getMDCPropertyMap();
            return mdc != null ? mdc : Map.of();
        } catch (RuntimeException e) {
            draft.failed("MDC", e);
            return Map.of();
        }
    }

    private static String first(Map<String, String> mdc, List<String> keys) {
        for (String k : keys) {
            String v = mdc.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
