package dev.logshield.redact.audit;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Reads the key-value pairs an event carries in its arguments and markers in some library's form
 * (logstash-logback-encoder's {@code kv(...)}, {@code Markers.append(...)}), when that library is present.
 */
interface ArgumentFields {

    /** Reads nothing: the library is absent. */
    ArgumentFields NONE = (event, draft) -> { };

    /** Adds the pairs found in {@code event}'s arguments, then its markers, to {@code draft}; never throws. */
    void collect(ILoggingEvent event, AuditDraft draft);
}
