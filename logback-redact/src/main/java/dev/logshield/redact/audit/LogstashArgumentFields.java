package dev.logshield.redact.audit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.marker.LogstashMarker;
import org.slf4j.Marker;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads logstash-logback-encoder 9 structured arguments ({@code kv}, {@code keyValue}, {@code value},
 * {@code entries}, {@code fields}, {@code array}, {@code raw}) and markers ({@code Markers.append(...)} and
 * the others, nested through {@code and(...)}) as key-value pairs. The only class that touches
 * logstash-logback-encoder: it is loaded only when {@link OptionalLibraries#LOGSTASH9} holds.
 *
 * <p>Their values are not exposed (the getters are protected), so each one is asked to write itself, as
 * logstash's own encoder would, into a JSON object that is read back: what the record gets is exactly what
 * a {@code LogstashEncoder} would have written, before redaction.
 */
final class LogstashArgumentFields implements ArgumentFields {

    private static final int MAX_MARKER_DEPTH = 8;

    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Override
    public void collect(ILoggingEvent event, AuditDraft draft) {
        try {
            Object[] args = event.getArgumentArray();
            if (args != null) {
                for (Object arg : args) {
                    if (arg instanceof StructuredArgument) {
                        read(((StructuredArgument) arg)::writeTo, "argument", draft);
                    }
                }
            }
            List<Marker> markers = event.getMarkerList();
            if (markers != null) {
                Set<Marker> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Marker m : markers) {
                    visit(m, 0, seen, draft);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            draft.failed("structured arguments", e);
        }
    }

    private void visit(Marker marker, int depth, Set<Marker> seen, AuditDraft draft) {
        if (marker == null || depth > MAX_MARKER_DEPTH || !seen.add(marker)) {
            return;
        }
        if (marker instanceof LogstashMarker) {
            read(((LogstashMarker) marker)::writeTo, "marker", draft);
        }
        Iterator<Marker> references = marker.iterator();
        while (references.hasNext()) {
            visit(references.next(), depth + 1, seen, draft);
        }
    }

    /** Lets {@code writer} write its fields into an object, reads them back and adds them to {@code draft}. */
    private void read(Consumer<JsonGenerator> writer, String what, AuditDraft draft) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = mapper.createGenerator(out)) {
                g.writeStartObject();
                writer.accept(g);
                g.writeEndObject();
            }
            JsonNode tree = mapper.readTree(out.toString());
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                draft.add(field.getKey(), plain(field.getValue()));
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            draft.failed(what, e);
        }
    }

    /** The JSON tree as plain maps, lists, strings, numbers and booleans. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(plain(item));
            }
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.toString();
    }
}
