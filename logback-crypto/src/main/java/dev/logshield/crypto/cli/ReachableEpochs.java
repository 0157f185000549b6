package dev.logshield.crypto.cli;

import dev.logshield.crypto.verify.SealVerifier;
import java.security.SecureRandom;

/**
 * Bounds the epochs a {@link SealVerifier} evolves its key to. A checkpoint names its epoch in clear text, so a
 * forged one could name epoch 2^62 and make the verifier walk the key chain for ever. Epochs no honest writer can
 * have reached (negative, or more than a day of epochs past the verifier's clock) get a random key instead: the
 * checkpoint then fails as forged, which it is.
 */
final class ReachableEpochs implements SealVerifier {

    private static final long CLOCK_MARGIN_MS = 24L * 60 * 60 * 1000;

    private final SealVerifier verifier;
    private final long latestEpoch;
    private final SecureRandom random = new SecureRandom();

    ReachableEpochs(SealVerifier verifier, long nowMs) {
        this.verifier = verifier;
        long elapsed = Math.max(0, nowMs + CLOCK_MARGIN_MS - verifier.originMs());
        this.latestEpoch = elapsed / (verifier.intervalSeconds() * 1000L);
    }

    @Override
    public long originMs() {
        return verifier.originMs();
    }

    @Override
    public int intervalSeconds() {
        return verifier.intervalSeconds();
    }

    @Override
    public byte[] keyAt(long epoch) {
        if (epoch < 0 || epoch > latestEpoch) {
            byte[] unreachable = new byte[32];
            random.nextBytes(unreachable);
            return unreachable;
        }
        return verifier.keyAt(epoch);
    }
}
