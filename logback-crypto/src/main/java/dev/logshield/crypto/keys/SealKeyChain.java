package dev.logshield.crypto.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The forward-secure chain of checkpoint seal keys. Time from {@code originMs} is cut into epochs of
 * {@code intervalSeconds}; the key of epoch t+1 is a one-way function of the key of epoch t:
 *
 * <pre>
 * S_{t+1} = HMAC-SHA256(key = S_t, "lse/v1 evolve")
 * t       = floor((nowMs - originMs) / (intervalSeconds * 1000)), and 0 for a clock before the origin
 * </pre>
 *
 * A checkpoint is tagged with HMAC-SHA256 under S_t over a label that names its format version, the segment id
 * and its fields ({@code dev.logshield.crypto.format.Checkpoint}, FORMAT.md 9.2).
 *
 * The host keeps only the current key ({@link SealState}) and destroys each old one as it moves on, so an
 * intruder who takes the host at epoch t cannot forge checkpoints of earlier epochs; the auditor keeps S_0
 * ({@link SealVerificationKey}) and can recompute every key. Instances are immutable and thread-safe.
 */
public final class SealKeyChain {

    /** Length of a seal key and of a checkpoint tag, in bytes. */
    public static final int KEY_LENGTH = 32;

    private static final byte[] EVOLVE_LABEL = "lse/v1 evolve".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHAIN_LABEL = "lse/v1 seal chain".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final long originMs;
    private final int intervalSeconds;
    private final long intervalMs;

    /**
     * @throws IllegalArgumentException when {@code intervalSeconds} is not positive
     */
    public SealKeyChain(long originMs, int intervalSeconds) {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("seal key interval must be at least 1 second, not " + intervalSeconds);
        }
        this.originMs = originMs;
        this.intervalSeconds = intervalSeconds;
        this.intervalMs = intervalSeconds * 1000L;
    }

    /** Start of epoch 0, in milliseconds since the Unix epoch. */
    public long originMs() {
        return originMs;
    }

    /** Length of an epoch, in seconds. */
    public int intervalSeconds() {
        return intervalSeconds;
    }

    /** The epoch containing {@code nowMs}; 0 for any time before the origin (a clock set back cannot go below 0). */
    public long epochAt(long nowMs) {
        if (nowMs <= originMs) {
            return 0;
        }
        return (nowMs - originMs) / intervalMs;
    }

    /** First millisecond of epoch {@code t}. */
    public long epochStartMs(long t) {
        requireEpoch(t);
        return Math.addExact(originMs, Math.multiplyExact(t, intervalMs));
    }

    /** First millisecond after epoch {@code t} (exclusive end). */
    public long epochEndMs(long t) {
        requireEpoch(t);
        return Math.addExact(epochStartMs(t), intervalMs);
    }

    /**
     * S_toEpoch from S_fromEpoch = {@code s}: {@code toEpoch - fromEpoch} evolution steps (a copy of {@code s} when
     * they are equal), one HMAC-SHA256 each, about a microsecond: callers bound the distance (a writer advances at
     * most {@code LseFormat.MAX_SEAL_ADVANCE_EPOCHS} at once). The argument is left intact; intermediate keys are
     * zeroed.
     *
     * @throws IllegalArgumentException when {@code toEpoch < fromEpoch} (the chain runs only forward) or an epoch
     *         is negative
     */
    public static byte[] evolve(byte[] s, long fromEpoch, long toEpoch) {
        requireKey(s);
        requireEpoch(fromEpoch);
        if (toEpoch < fromEpoch) {
            throw new IllegalArgumentException("seal keys evolve only forward: cannot go from epoch " + fromEpoch
                    + " back to " + toEpoch);
        }
        byte[] current = s.clone();
        if (toEpoch == fromEpoch) {
            return current;
        }
        Mac mac = hmacSha256();
        try {
            for (long t = fromEpoch; t < toEpoch; t++) {
                mac.init(new SecretKeySpec(current, "HmacSHA256"));
                byte[] next = mac.doFinal(EVOLVE_LABEL);
                Arrays.fill(current, (byte) 0);
                current = next;
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a 32-byte HMAC key is always valid", e);
        }
        return current;
    }

    /** Length of a chain id. */
    public static final int CHAIN_ID_LENGTH = 8;

    /**
     * The id of the chain seeded by {@code s0} with this epoch geometry: the first 8 bytes of
     * HMAC-SHA256(S_0, "lse/v1 seal chain" || origin (u64) || interval (u32)). Segments record it, so a verifier
     * given another chain's key reports a key error instead of judging the checkpoints with the wrong key.
     */
    public static byte[] chainId(byte[] s0, long originMs, int intervalSeconds) {
        requireKey(s0);
        byte[] message = ByteBuffer.allocate(CHAIN_LABEL.length + Long.BYTES + Integer.BYTES)
                .put(CHAIN_LABEL).putLong(originMs).putInt(intervalSeconds).array();
        return Arrays.copyOf(Hkdf.hmac(s0, message), CHAIN_ID_LENGTH);
    }

    private static Mac hmacSha256() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java SE platform", e);
        }
    }

    static void requireKey(byte[] s) {
        if (s == null || s.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a seal key is " + KEY_LENGTH + " bytes, not " + (s == null ? "null" : s.length));
        }
    }

    private static void requireEpoch(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("epochs start at 0, not " + t);
        }
    }
}
