package dev.logshield.crypto.testing;

import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.keys.Hkdf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An in-memory seal key chain for format tests (the real one persists its state): S_{t+1} =
 * HMAC-SHA256(S_t, "lse/v1 evolve"), older keys erased on every advance. It counts its advances (each one a state
 * replace in the real chain) and evolution steps (one HMAC each), and refuses to hash past a budget, so a test of a
 * huge clock step fails at once instead of hashing for hours.
 */
public final class TestSealKeys implements SealKeySource {

    private static final byte[] EVOLVE = "lse/v1 evolve".getBytes(StandardCharsets.US_ASCII);

    private final long originMs;
    private final int intervalSeconds;
    private final byte[] chainId;
    private long epoch;
    private byte[] key;
    private long advances;
    private long evolutions;
    private long evolutionBudget = Long.MAX_VALUE;

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

    /** Refuses (IllegalStateException) any advance that would take the evolution steps past {@code steps}. */
    public TestSealKeys withEvolutionBudget(long steps) {
        this.evolutionBudget = steps;
        return this;
    }

    /** Advances that moved the epoch (the real chain replaces its state file once for each). */
    public long advances() {
        return advances;
    }

    /** Evolution steps hashed so far (one HMAC-SHA256 each). */
    public long evolutions() {
        return evolutions;
    }

    @Override
    public void advanceTo(long target) {
        if (target < epoch) {
            throw new IllegalArgumentException("seal keys never go back: at epoch " + epoch + ", asked for " + target);
        }
        if (target - epoch > evolutionBudget - evolutions) {
            throw new IllegalStateException("advancing from epoch " + epoch + " to " + target + " would hash past the"
                    + " budget of " + evolutionBudget + " evolution steps (" + evolutions + " spent)");
        }
        if (target > epoch) {
            advances++;
        }
        while (epoch < target) {
            evolutions++;
            byte[] next = evolve(key);
            Arrays.fill(key, (byte) 0);
            key = next;
            epoch++;
        }
    }
}
