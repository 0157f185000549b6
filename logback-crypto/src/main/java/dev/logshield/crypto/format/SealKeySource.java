package dev.logshield.crypto.format;

import java.io.IOException;

/**
 * The host's evolving seal key for checkpoints (see {@code SealState}): epoch geometry, the current epoch's key,
 * and a one-way advance that erases older keys durably before returning.
 */
public interface SealKeySource {

    long originMs();

    int intervalSeconds();

    /** The chain's id (8 bytes), recorded in the core of every segment it seals. */
    byte[] chainId();

    long currentEpoch();

    /** A copy of the current epoch's key. */
    byte[] currentKey();

    /** Evolves to {@code epoch} (never backwards), persisting the new state and erasing the old keys. */
    void advanceTo(long epoch) throws IOException;

    /** The epoch that contains {@code timeMs} (0 before the origin). */
    default long epochAt(long timeMs) {
        long elapsed = timeMs - originMs();
        return elapsed <= 0 ? 0 : elapsed / (intervalSeconds() * 1000L);
    }

    default long epochStartMs(long epoch) {
        return originMs() + epoch * intervalSeconds() * 1000L;
    }
}
