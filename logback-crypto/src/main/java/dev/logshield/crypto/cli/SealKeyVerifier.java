package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.SealVerificationKey;
import dev.logshield.crypto.verify.SealVerifier;
import java.security.SecureRandom;

/**
 * The auditor's {@link SealVerificationKey} as the verifier's {@link SealVerifier}. Epochs that no honest writer
 * can have reached (negative, or more than a day of epochs past the verifier's clock) get a random key, so that a
 * forged checkpoint naming such an epoch fails as forged instead of making the verifier evolve the key chain for
 * years' worth of steps.
 */
final class SealKeyVerifier implements SealVerifier {

    private static final long CLOCK_MARGIN_MS = 24L * 60 * 60 * 1000;

    private final SealVerificationKey key;
    private final long latestEpoch;
    private final SecureRandom random = new SecureRandom();

    SealKeyVerifier(SealVerificationKey key, long nowMs) {
        this.key = key;
        long elapsed = Math.max(0, nowMs + CLOCK_MARGIN_MS - key.originMs());
        this.latestEpoch = elapsed / (key.intervalSeconds() * 1000L);
    }

    @Override
    public long originMs() {
        return key.originMs();
    }

    @Override
    public int intervalSeconds() {
        return key.intervalSeconds();
    }

    @Override
    public byte[] keyAt(long epoch) {
        if (epoch < 0 || epoch > latestEpoch) {
            byte[] impossible = new byte[32];
            random.nextBytes(impossible);
            return impossible;
        }
        return key.keyAt(epoch);
    }
}
