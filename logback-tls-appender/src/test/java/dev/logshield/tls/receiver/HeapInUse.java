package dev.logshield.tls.receiver;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/**
 * The heap this JVM holds live, printed for information by tests that bound the receiver's memory (they assert on
 * exact counts, such as the bytes held for partial frames, since what a collection leaves depends on when it ran on a
 * busy machine): the heap in use right after a full
 * collection ({@link System#gc()}, which the test JVM does not disable), sampled {@value #SAMPLES} times; the median
 * is the figure, so that one sample taken while other threads allocate does not decide. Finalizers run between two
 * collections: on JDK 17 a closed TLS socket is only freed after its finalizer ran, and hundreds of them would
 * otherwise look like memory the receiver kept.
 */
final class HeapInUse {

    private static final int SAMPLES = 3;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapInUse() {
    }

    /** The median of {@value #SAMPLES} samples of the heap in use after a full collection, in bytes. */
    static long afterGc() {
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            System.gc();
            System.runFinalization();
            System.gc();
            samples[i] = MEMORY.getHeapMemoryUsage().getUsed();
        }
        Arrays.sort(samples);
        return samples[SAMPLES / 2];
    }

    /** {@code bytes} in MiB, one decimal. */
    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
