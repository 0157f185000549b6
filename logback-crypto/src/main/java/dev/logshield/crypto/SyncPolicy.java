package dev.logshield.crypto;

import java.util.Locale;

/**
 * When the appender asks the OS to put records on disk ({@code FileChannel.force}); Logback itself never does.
 * A record handed to the OS survives a crash of the JVM under every policy; only a power loss or kernel crash
 * needs force.
 */
public enum SyncPolicy {
    /** Never force: the OS writes back when it likes (Logback's own behaviour). */
    NONE,
    /** Force every {@code syncInterval} (default 1 s) from a background task, and when a segment ends. */
    INTERVAL,
    /** Force after every record (about 0.3-0.4 ms each on SSDs): nothing written is lost on power failure. */
    EVERY_RECORD,
    /** Force when a segment ends (close and rollover). */
    ON_ROLLOVER;

    /** Parses {@code none}, {@code interval}, {@code every-record} / {@code every_record}, {@code on-rollover}. */
    public static SyncPolicy parse(String text) {
        if (text == null) {
            return null;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SyncPolicy policy : values()) {
            if (policy.name().equals(key)) {
                return policy;
            }
        }
        return null;
    }
}
