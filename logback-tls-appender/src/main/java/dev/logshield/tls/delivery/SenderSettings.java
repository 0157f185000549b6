package dev.logshield.tls.delivery;

import java.util.List;

/**
 * How the sender delivers.
 *
 * @param destinations     collectors, in order of preference
 * @param preferPrimary    true: every reconnect starts again from the first destination (fail back to the
 *                         primary); false: stay with the destination that last worked until it fails
 * @param batchSize        most events written per flush
 * @param replayWindow     events re-sent after a reconnect when the protocol has no acknowledgements (0: off)
 * @param backoffMinMs     first reconnect delay (jittered)
 * @param backoffMaxMs     largest reconnect delay
 * @param stopTimeoutMs    how long {@code stop()} may spend delivering what is buffered
 * @param writeTimeoutMs   how long a write may stay blocked, or RELP acknowledgements stay away, before the
 *                         connection is dropped as dead (0: never)
 */
public record SenderSettings(List<Destination> destinations, boolean preferPrimary, int batchSize, int replayWindow,
                             long backoffMinMs, long backoffMaxMs, long stopTimeoutMs, long writeTimeoutMs) {

    /** Default {@code writeTimeoutMs}. */
    public static final long DEFAULT_WRITE_TIMEOUT_MS = 30_000;

    public SenderSettings {
        destinations = List.copyOf(destinations);
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("no destination");
        }
    }

    /** Settings with the default write timeout. */
    public SenderSettings(List<Destination> destinations, boolean preferPrimary, int batchSize, int replayWindow,
                          long backoffMinMs, long backoffMaxMs, long stopTimeoutMs) {
        this(destinations, preferPrimary, batchSize, replayWindow, backoffMinMs, backoffMaxMs, stopTimeoutMs,
                DEFAULT_WRITE_TIMEOUT_MS);
    }
}
