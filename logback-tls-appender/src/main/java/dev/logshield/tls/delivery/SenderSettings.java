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
 */
public record SenderSettings(List<Destination> destinations, boolean preferPrimary, int batchSize, int replayWindow,
                             long backoffMinMs, long backoffMaxMs, long stopTimeoutMs) {

    public SenderSettings {
        destinations = List.copyOf(destinations);
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("no destination");
        }
    }
}
