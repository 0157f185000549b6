package dev.logshield.tls.delivery;

import java.util.Locale;

/** What an application thread does when the delivery buffer is full. Every drop is counted. */
public enum OverflowPolicy {
    /** Drop the event being logged (default): the application never waits. */
    DROP_NEWEST,
    /** Drop the oldest buffered event to make room: the newest events survive a long outage. */
    DROP_OLDEST,
    /** Wait up to the configured timeout for room, then drop the event being logged. */
    BLOCK;

    /** Parses {@code drop-newest}, {@code drop-oldest}, {@code block} (case, - and _ do not matter); null if unknown. */
    public static OverflowPolicy parse(String text) {
        if (text == null) {
            return null;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (OverflowPolicy policy : values()) {
            if (policy.name().equals(key)) {
                return policy;
            }
        }
        return null;
    }
}
