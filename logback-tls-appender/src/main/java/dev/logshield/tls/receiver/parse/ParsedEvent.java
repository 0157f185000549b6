package dev.logshield.tls.receiver.parse;

import ch.qos.logback.classic.Level;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One received message, parsed but not yet trusted: the fields as the client sent them. The receiver adds the
 * authenticated client identity (overwriting any client-supplied field of the same name) when it turns this into a
 * Logback event.
 *
 * @param timestamp  when the client says the event happened; {@code null} when it did not say (the receiver then
 *                   uses the time of receipt)
 * @param level      the Logback level (from the syslog severity or a JSON {@code level} field), never null
 * @param loggerName the logger name, never null or empty
 * @param threadName the thread name, or {@code null}
 * @param message    the message text, never null
 * @param fields     further fields, in the order received, to become the event's MDC (e.g. syslog structured data,
 *                   header fields, JSON fields); keys and values never null
 * @param stackTrace the stack trace text the client sent, or {@code null}
 */
public record ParsedEvent(Instant timestamp, Level level, String loggerName, String threadName, String message,
                          Map<String, String> fields, String stackTrace) {

    /** Checks the non-null components and copies {@code fields}. */
    public ParsedEvent {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(loggerName, "loggerName");
        Objects.requireNonNull(message, "message");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
