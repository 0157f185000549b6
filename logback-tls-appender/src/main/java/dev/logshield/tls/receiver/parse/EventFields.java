package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.receiver.frames.DropReason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one event being parsed, in the order received, at most {@value #MAX_FIELDS}: a payload with more
 * is dropped rather than turned into an MDC too large for any appender. A name seen again replaces the earlier
 * value (and keeps its position).
 */
final class EventFields {

    static final int MAX_FIELDS = 256;

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final DropReason reason;

    EventFields(DropReason reason) {
        this.reason = reason;
    }

    void put(String name, String value) throws MalformedEventException {
        if (fields.put(name, value) == null && fields.size() > MAX_FIELDS) {
            throw new MalformedEventException(reason, "more than " + MAX_FIELDS + " fields");
        }
    }

    String get(String name) {
        return fields.get(name);
    }

    Map<String, String> asMap() {
        return fields;
    }
}
