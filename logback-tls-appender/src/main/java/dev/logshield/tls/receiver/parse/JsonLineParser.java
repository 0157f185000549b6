package dev.logshield.tls.receiver.parse;

import ch.qos.logback.classic.Level;
import dev.logshield.tls.receiver.frames.DropReason;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Parses one JSON object per frame, as logstash-logback-encoder's {@code LogstashEncoder} writes it:
 * <pre>{@code {"@timestamp":"2026-11-25T10:11:12.123Z","@version":"1","message":"paid","logger_name":"com.acme.Shop",
 * "thread_name":"main","level":"INFO","level_value":20000,"user":"bob"}}</pre>
 * <ul>
 * <li>{@code @timestamp}: an ISO-8601 date-time with offset ({@code 2026-11-25T11:11:12.123+01:00} or {@code ...Z});
 * one that does not parse is kept as the field {@code @timestamp} and the time of receipt is used.</li>
 * <li>{@code message} (missing: empty), {@code logger_name} (missing or empty: {@code json}),
 * {@code thread_name}, {@code stack_trace}.</li>
 * <li>{@code level}: TRACE, DEBUG, INFO, WARN or ERROR in any case. Any other value gives INFO, and the value is kept
 * as the field {@code level}, so that the event is neither lost nor silently re-levelled.</li>
 * <li>{@code @version} and {@code level_value} are ignored; every other member becomes a field: scalars as their
 * text ({@code 42}, {@code true}), objects and arrays as their compact JSON text ({@code {"a":[1,2]}}), so that
 * no structure is lost or invented by flattening; {@code null} members are left out (an MDC has no nulls).</li>
 * <li>Duplicate names: the last value wins, as in most JSON readers.</li>
 * </ul>
 * Limits: nesting depth {@value #MAX_DEPTH} counting the event object itself, at most {@value #MAX_MEMBERS}
 * members, strings bounded by the frame; exceeding them, any syntax error, a top-level value that is not an
 * object or anything after it is {@link DropReason#INVALID_JSON}; invalid UTF-8 is {@link DropReason#INVALID_UTF8}.
 *
 * <p>Why Jackson 3's streaming parser (jackson-core, no databind) rather than a hand-written one: it is the
 * parser that produced-side {@code LogstashEncoder} is tested against, it is strict by default (no comments, no
 * single quotes, no NaN), its {@link StreamReadConstraints} bound depth and token sizes, and it builds no objects
 * from the input. Property-name canonicalisation is switched off, so no symbol table is shared between connections
 * (nothing an attacker could fill or collide across events).
 *
 * <p>Immutable and thread-safe. Selected by the receiver's {@code <format>json</format>} or {@code auto}.
 */
public final class JsonLineParser implements EventParser {

    /** The deepest nesting accepted; the event object itself is depth 1. */
    public static final int MAX_DEPTH = 16;
    /** The most members the event object may have. */
    public static final int MAX_MEMBERS = EventFields.MAX_FIELDS;

    static final String DEFAULT_LOGGER = "json";

    private static final int MAX_TIMESTAMP_LENGTH = 64;
    private static final int MAX_DETAIL = 120;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    @Override
    public ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException {
        String text = Utf8Text.decode(payload, offset, length);
        if (!text.isEmpty() && text.charAt(0) == Utf8Text.BOM) {
            text = text.substring(1);
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            return parse(parser);
        } catch (JacksonException e) {
            throw invalid(describe(e));
        }
    }

    private static ParsedEvent parse(JsonParser p) throws MalformedEventException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("the payload is not a JSON object");
        }
        EventFields fields = new EventFields(DropReason.INVALID_JSON);
        Instant timestamp = null;
        Level level = Level.INFO;
        String logger = null;
        String thread = null;
        String message = "";
        String stackTrace = null;
        int members = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.PROPERTY_NAME) {
                throw invalid("the object is not closed");
            }
            if (++members > MAX_MEMBERS) {
                throw invalid("more than " + MAX_MEMBERS + " members");
            }
            String name = p.currentName();
            p.nextToken();
            String value = valueText(p);
            switch (name) {
                case "@timestamp":
                    timestamp = timestamp(value);
                    if (timestamp == null && value != null) {
                        fields.put(name, value);
                    }
                    break;
                case "message":
                    message = value == null ? "" : value;
                    break;
                case "logger_name":
                    logger = value;
                    break;
                case "thread_name":
                    thread = value;
                    break;
                case "stack_trace":
                    stackTrace = value;
                    break;
                case "level":
                    level = level(value);
                    if (level == null) {
                        level = Level.INFO;
                        fields.put(name, value);
                    }
                    break;
                case "@version":
                case "level_value":
                    break;
                default:
                    if (value != null) {
                        fields.put(name, value);
                    }
            }
        }
        if (p.nextToken() != null) {
            throw invalid("content after the JSON object");
        }
        return new ParsedEvent(timestamp, level, logger == null || logger.isEmpty() ? DEFAULT_LOGGER : logger,
                thread, message, fields.asMap(), stackTrace);
    }

    /** The current value as text: scalars as written, containers as compact JSON, null for JSON null. */
    private static String valueText(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getString();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            int depth = 0;
            do {
                switch (p.currentToken()) {
                    case START_OBJECT:
                        g.writeStartObject();
                        depth++;
                        break;
                    case START_ARRAY:
                        g.writeStartArray();
                        depth++;
                        break;
                    case END_OBJECT:
                        g.writeEndObject();
                        depth--;
                        break;
                    case END_ARRAY:
                        g.writeEndArray();
                        depth--;
                        break;
                    case PROPERTY_NAME:
                        g.writeName(p.currentName());
                        break;
                    case VALUE_STRING:
                        g.writeString(p.getString());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        g.writeNumber(p.getString()); // the number as written: no double rounding
                        break;
                    case VALUE_TRUE:
                    case VALUE_FALSE:
                        g.writeBoolean(p.currentToken() == JsonToken.VALUE_TRUE);
                        break;
                    case VALUE_NULL:
                        g.writeNull();
                        break;
                    default:
                        throw new IllegalStateException("unexpected token " + p.currentToken());
                }
            } while (depth > 0 && p.nextToken() != null);
        }
        return out.toString();
    }

    private static Instant timestamp(String value) {
        if (value == null || value.length() > MAX_TIMESTAMP_LENGTH) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The level named {@code value} (any case), or null for anything else. */
    private static Level level(String value) {
        if (value == null) {
            return null;
        }
        switch (value.toUpperCase(Locale.ROOT)) {
            case "TRACE":
                return Level.TRACE;
            case "DEBUG":
                return Level.DEBUG;
            case "INFO":
                return Level.INFO;
            case "WARN":
                return Level.WARN;
            case "ERROR":
                return Level.ERROR;
            default:
                return null;
        }
    }

    private static MalformedEventException invalid(String detail) {
        return new MalformedEventException(DropReason.INVALID_JSON, detail);
    }

    /** Jackson's message without its source excerpt, cut short and printable, with the character offset. */
    private static String describe(JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < original.length() && sb.length() < MAX_DETAIL; i++) {
            char c = original.charAt(i);
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        if (original.length() > MAX_DETAIL) {
            sb.append("...");
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getCharOffset() >= 0) {
            sb.append(" at character ").append(location.getCharOffset());
        }
        return sb.toString();
    }
}
