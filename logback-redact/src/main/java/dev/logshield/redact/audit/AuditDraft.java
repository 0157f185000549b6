package dev.logshield.redact.audit;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw key-value pairs gathered from one event, in the order they were found, and whether anything failed
 * on the way (the record is then flagged {@code encoding_error}). One per event, on the logging thread.
 */
final class AuditDraft {

    private final List<Map.Entry<String, Object>> pairs = new ArrayList<>();
    private Throwable firstFailure;
    private String failedPart;

    /** Adds a pair; a null key is written as {@code "null"}. */
    void add(String key, Object value) {
        pairs.add(new AbstractMap.SimpleImmutableEntry<>(String.valueOf(key), value));
    }

    List<Map.Entry<String, Object>> pairs() {
        return pairs;
    }

    /** Records that {@code part} of the event could not be read; the first failure is kept for the status. */
    void failed(String part, Throwable failure) {
        if (firstFailure == null) {
            firstFailure = failure;
            failedPart = part;
        }
    }

    boolean hasFailed() {
        return firstFailure != null;
    }

    Throwable firstFailure() {
        return firstFailure;
    }

    String failedPart() {
        return failedPart;
    }
}
