package dev.logshield.crypto.verify;

import dev.logshield.crypto.keys.SealVerificationKey;

/** The auditor's seal verification key ({@code logcrypt keygen --seal}) as the verifier's {@link SealVerifier}. */
public final class AuditorSealKey implements SealVerifier {

    private final SealVerificationKey key;

    public AuditorSealKey(SealVerificationKey key) {
        this.key = key;
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
    public byte[] chainId() {
        return key.chainId();
    }

    @Override
    public byte[] keyAt(long epoch) {
        return key.keyAt(epoch);
    }
}
