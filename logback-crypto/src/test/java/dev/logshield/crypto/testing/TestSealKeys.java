package dev.logshield.crypto.testing;

import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.keys.Hkdf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An in-memory seal key chain for format tests (the real one persists its state): S_{t+1} =
 * HMAC-SHA256(S_t, "lse/v1 evolve"), older keys erased on every advance.
 */
public final class TestSealKeys implements SealKeySource {

    private static final byte[] EVOLVE = "lse/v1 evolve".getBytes(StandardCharsets.US_ASCII);

    private final long originMs;
    private final int intervalSeconds;
    private final byte[] chainId;
    private long epoch;
    private byte[] key;

    /** The host's chain at epoch 0, from the seed S_0. */
    public TestSealKeys(byte[] seed, long originMs, int intervalSeconds) {
        this.originMs = originMs;
        this.intervalSeconds = intervalSeconds;
        this.key = seed.clone();
        this.chainId = dev.logshield.crypto.keys.SealKeyChain.chainId(seed, originMs, intervalSeconds);
    }

    @Override
    public byte[] chainId() {
        return chainId.clone();
    }

    /** S_{t+1} from S_t. */
    public static byte[] evolve(byte[] key) {
        return Hkdf.hmac(key, EVOLVE);
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
    public long currentEpoch() {
        return epoch;
    }

    @Override
    public byte[] currentKey() {
        return key.clone();
    }

    @Override
    public void advanceTo(long target) {
        if (target < epoch) {
            throw new IllegalArgumentException("seal keys never go back: at epoch " + epoch + ", asked for " + target);
        }
        while (epoch < target) {
            byte[] next = evolve(key);
            Arrays.fill(key, (byte) 0);
            key = next;
            epoch++;
        }
    }
}
