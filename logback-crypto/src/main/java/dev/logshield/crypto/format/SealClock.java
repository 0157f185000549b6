package dev.logshield.crypto.format;

import java.util.Optional;

/**
 * How a sealing writer follows its clock (FORMAT.md 9.3): the seal epoch it should be in, and the time it seals at.
 *
 * <p>The epoch only moves forward, straight to the clock's epoch however many epochs passed (a forward clock step,
 * a suspended host): one checkpoint and one state replace, and one HMAC-SHA256 per epoch skipped (about a
 * microsecond each). A clock more than {@link LseFormat#MAX_SEAL_ADVANCE_EPOCHS} epochs ahead is not followed: that
 * bounds the work done under the appender's lock (about 0.1 s) and keeps a wildly wrong clock (a year 2100 typo)
 * from pushing the chain into the future, where every later checkpoint would be dated after the real time. The
 * writer then keeps sealing in its epoch and says so ({@link #refusal}) until the clock is back within reach.
 *
 * <p>Every time the writer seals (a record's {@code sealed_ms}, a checkpoint's {@code time_ms}) is the clock clamped
 * into the current epoch, so a clock stepped back, or one too far ahead, never dates a record outside the epoch
 * whose checkpoint seals it. The events keep their own timestamps in the payload.
 */
final class SealClock {

    private final SealKeySource seal;
    private long refusedEpoch = -1;

    SealClock(SealKeySource seal) {
        this.seal = seal;
    }

    /**
     * The epoch to be in at {@code nowMs}: the clock's epoch when it is later than the current one and within
     * reach, else the current epoch (a clock stepped back never moves it back).
     */
    long epochToAdvanceTo(long nowMs) {
        long current = seal.currentEpoch();
        long clock = seal.epochAt(nowMs);
        if (clock <= current) {
            refusedEpoch = -1;
            return current;
        }
        if (clock - current > LseFormat.MAX_SEAL_ADVANCE_EPOCHS) {
            refusedEpoch = clock;
            return current;
        }
        refusedEpoch = -1;
        return clock;
    }

    /** {@code nowMs} clamped into the current epoch: {@code [start(t), start(t + 1) - 1]}. */
    long sealingTime(long nowMs) {
        return clampInto(seal.currentEpoch(), nowMs);
    }

    /** {@code nowMs} clamped into epoch {@code epoch}. */
    long clampInto(long epoch, long nowMs) {
        return Math.max(seal.epochStartMs(epoch), Math.min(seal.epochStartMs(epoch + 1) - 1, nowMs));
    }

    /** Why the writer did not follow its clock the last time it looked, if it did not. */
    Optional<String> refusal() {
        if (refusedEpoch < 0) {
            return Optional.empty();
        }
        long current = seal.currentEpoch();
        return Optional.of("the clock is in seal epoch " + refusedEpoch + ", " + (refusedEpoch - current)
                + " epochs after the seal state's epoch " + current + ": more than the "
                + LseFormat.MAX_SEAL_ADVANCE_EPOCHS + " a writer advances at once, so the clock is taken as wrong."
                + " Records stay sealed in epoch " + current + ", whose key is not erased until the clock is back"
                + " within reach. If the clock is right, start a new seal state (logcrypt keygen --seal) with a"
                + " longer --interval");
    }
}
