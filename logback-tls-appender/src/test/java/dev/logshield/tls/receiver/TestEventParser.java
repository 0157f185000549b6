package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Level;
import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.parse.EventParser;
import dev.logshield.tls.receiver.parse.MalformedEventException;
import dev.logshield.tls.receiver.parse.ParsedEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal parser for the server's tests: RFC 5424 as {@code Rfc5424Encoder} writes it (level from the severity,
 * logger from MSGID, else APP-NAME; the structured data parameters as fields) and JSON objects as
 * logstash-logback-encoder writes them ({@code message}, {@code logger_name}, {@code level}, {@code thread_name},
 * {@code @timestamp}, {@code stack_trace}; every other text field as a field).
 */
final class TestEventParser implements EventParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String format;

    TestEventParser(String format) {
        if (!format.equals("auto") && !format.equals("syslog") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format " + format);
        }
        this.format = format;
    }

    @Override
    public ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEventException(DropReason.INVALID_UTF8, "not UTF-8");
        }
        boolean json = format.equals("json") || format.equals("auto") && text.startsWith("{");
        if (json) {
            return json(text);
        }
        if (format.equals("syslog") || text.startsWith("<")) {
            return syslog(text);
        }
        throw new MalformedEventException(DropReason.UNKNOWN_FORMAT, "neither syslog nor JSON");
    }

    private static ParsedEvent json(String text) throws MalformedEventException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedEventException(DropReason.INVALID_JSON, "not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(DropReason.INVALID_JSON, "not an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!Map.of("message", 1, "logger_name", 1, "level", 1, "thread_name", 1, "@timestamp", 1, "stack_trace", 1,
                    "@version", 1, "level_value", 1).containsKey(key) && field.getValue().isValueNode()) {
                fields.put(key, field.getValue().asString());
            }
        }
        return new ParsedEvent(node.has("@timestamp") ? OffsetDateTime.parse(node.get("@timestamp").asString()).toInstant()
                : null, Level.toLevel(text(node, "level", "INFO"), Level.INFO), text(node, "logger_name", "json"),
                text(node, "thread_name", null), text(node, "message", ""), fields, text(node, "stack_trace", null));
    }

    private static String text(JsonNode node, String field, String absent) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? absent : value.asString();
    }

    private static ParsedEvent syslog(String text) throws MalformedEventException {
        int close = text.indexOf('>');
        if (!text.startsWith("<") || close < 2 || !text.startsWith("1 ", close + 1)) {
            throw new MalformedEventException(DropReason.UNPARSABLE_SYSLOG, "not RFC 5424");
        }
        int pri;
        try {
            pri = Integer.parseInt(text.substring(1, close));
        } catch (NumberFormatException e) {
            throw new MalformedEventException(DropReason.UNPARSABLE_SYSLOG, "bad PRI");
        }
        String[] header = text.substring(close + 3).split(" ", 6);
        if (header.length < 6) {
            throw new MalformedEventException(DropReason.UNPARSABLE_SYSLOG, "short header");
        }
        Instant timestamp = header[0].equals("-") ? null : OffsetDateTime.parse(header[0]).toInstant();
        String app = header[2];
        String msgId = header[4];
        String rest = header[5];
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        if (rest.startsWith("-")) {
            i = 1;
        } else {
            while (i < rest.length() && rest.charAt(i) == '[') {
                i = element(rest, i, fields);
            }
        }
        String message = i < rest.length() ? rest.substring(i + 1) : "";
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1);
        }
        String logger = !msgId.equals("-") ? msgId : !app.equals("-") ? app : "syslog";
        return new ParsedEvent(timestamp, level(pri & 7), logger, null, message, fields, null);
    }

    /** Parses {@code [id name="value" ...]} from {@code i}; returns the index after it. */
    private static int element(String sd, int i, Map<String, String> fields) throws MalformedEventException {
        int space = sd.indexOf(' ', i);
        int end = sd.indexOf(']', i);
        if (end < 0) {
            throw new MalformedEventException(DropReason.UNPARSABLE_SYSLOG, "unclosed SD element");
        }
        i = space < 0 || end < space ? end : space;
        while (sd.charAt(i) == ' ') {
            int eq = sd.indexOf("=\"", i);
            String name = sd.substring(i + 1, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (char c = sd.charAt(j); c != '"'; c = sd.charAt(++j)) {
                if (c == '\\') {
                    c = sd.charAt(++j);
                }
                value.append(c);
            }
            fields.put(name, value.toString());
            i = j + 1;
        }
        return i + 1;
    }

    private static Level level(int severity) {
        switch (severity) {
            case 0: case 1: case 2: case 3:
                return Level.ERROR;
            case 4:
                return Level.WARN;
            case 5: case 6:
                return Level.INFO;
            default:
                return Level.DEBUG;
        }
    }
}
