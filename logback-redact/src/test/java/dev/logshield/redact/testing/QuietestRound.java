package dev.logshield.redact.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Measures what a piece of work allocates on the current thread, the way that holds on a busy machine: the JIT may
 * allocate a few bytes once when it swaps compiled code in, and removes iterators only once the optimising
 * compiler has run, so rounds repeat (at least {@code minRounds}, for up to 10 s) until one allocates nothing, and
 * the quietest round counts. Skips the test on a JVM without per-thread allocation counters.
 */
public final class QuietestRound {

    private static final long GIVE_UP_NANOS = 10_000_000_000L;

    private QuietestRound() {
    }

    /** The bytes allocated by the quietest of the rounds, each running {@code round} once. */
    public static long bytes(int minRounds, Runnable round) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long quietest = Long.MAX_VALUE;
        long giveUp = System.nanoTime() + GIVE_UP_NANOS;
        for (int r = 0; quietest > 0 && (r < minRounds || System.nanoTime() < giveUp); r++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            round.run();
            quietest = Math.min(quietest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return quietest;
    }
}
