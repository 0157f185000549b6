package dev.logshield.crypto.testing;

import dev.logshield.crypto.verify.SealVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The auditor's side of {@link TestSealKeys}: any epoch's key from S_0. Refuses epochs beyond
 * {@link #MAX_EPOCH} so that a verifier asking for the key of a corrupted epoch number fails the test instead of
 * hashing for hours.
 */
public final class TestSealVerifier implements SealVerifier {

    public static final long MAX_EPOCH = 100_000;

    private final long originMs;
    private final int intervalSeconds;
    private final List<byte[]> keys = new ArrayList<>();
    private final byte[] chainId;

    public TestSealVerifier(byte[] seed, long originMs, int intervalSeconds) {
        this.originMs = originMs;
        this.intervalSeconds = intervalSeconds;
        keys.add(seed.clone());
        this.chainId = dev.logshield.crypto.keys.SealKeyChain.chainId(seed, originMs, intervalSeconds);
    }

    @Override
    public byte[] chainId() {
        return chainId.clone();
    }

    @Override
    public long originMs() {
        return originMs;
    }

    @Override
    public int intervalSeconds() {
        return intervalSeconds;
    }

    @Override
    public byte[] keyAt(long epoch) {
        if (epoch < 0 || epoch > MAX_EPOCH) {
            throw new IllegalArgumentException("verifier asked for the seal key of epoch " + epoch);
        }
        while (keys.size() <= epoch) {
            keys.add(TestSealKeys.evolve(keys.get(keys.size() - 1)));
        }
        return keys.get((int) epoch).clone();
    }
}
