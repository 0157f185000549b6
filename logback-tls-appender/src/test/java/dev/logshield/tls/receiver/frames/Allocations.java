package dev.logshield.tls.receiver.frames;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates (HotSpot's counters; tests that need them are skipped elsewhere). */
final class Allocations {

    private final com.sun.management.ThreadMXBean threads;

    private Allocations(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    static Allocations ofCurrentThread() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return new Allocations(threads);
    }

    long now() {
        return threads.getCurrentThreadAllocatedBytes();
    }
}
