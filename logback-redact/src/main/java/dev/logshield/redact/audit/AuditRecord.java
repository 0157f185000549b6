package dev.logshield.redact.audit;

import java.util.Map;

/**
 * One audit record, every value already normalised and redacted, in schema order. {@code details} holds only
 * strings, numbers, booleans, nulls, and maps and lists of them.
 */
record AuditRecord(String timestamp, String action, String actor, String projectId, String requestId,
                   String clientIp, String result, Map<String, Object> details, String message,
                   boolean encodingError) {

    /** What is left when the event could not be read at all: the timestamp and the error flag. */
    static AuditRecord unreadable(String timestamp) {
        return new AuditRecord(timestamp, null, null, null, null, null, null, Map.of(), null, true);
    }

    /** This record without its free-form parts (details, message), flagged: the fallback when writing it failed. */
    AuditRecord withoutFreeForm() {
        return new AuditRecord(timestamp, action, actor, projectId, requestId, clientIp, result, Map.of(), null, true);
    }
}
