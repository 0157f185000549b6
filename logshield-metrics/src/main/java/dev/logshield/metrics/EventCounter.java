package dev.logshield.metrics;

/** A monotonically increasing count of events (drops, denials, redactions). A no-op without Micrometer. */
public interface EventCounter {

    /** Counter that counts nothing. */
    EventCounter NOOP = () -> { };

    void increment();

    /** Adds {@code amount} at once (batches). */
    default void increment(long amount) {
        for (long i = 0; i < amount; i++) {
            increment();
        }
    }
}
