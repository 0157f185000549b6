package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Detectors read clean text in place: scanning lines with nothing to find allocates no byte. A detector that
 * allocated per call would allocate in every round; the JIT may allocate a few bytes once when it swaps
 * compiled code in, so the quietest of several rounds must be zero.
 */
class TokenDetectorsAllocateNothingOnCleanTextTest {

    private static final int ROUNDS = 10;

    @Test
    void scanningCleanLinesAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        String[] lines = Redactions.CLEAN_LINES.toArray(new String[0]);
        for (Detector d : AllDetectors.list()) {
            Findings findings = new Findings();
            for (int warm = 0; warm < 200; warm++) {
                scan(d, lines, findings);
            }
            long quietest = Long.MAX_VALUE;
            // until one round is quiet, at least the usual rounds and at most 10 s: on a loaded machine the
            // optimising compiler may install the allocation-free code only after many more calls
            long giveUp = System.nanoTime() + 10_000_000_000L;
            for (int round = 0; quietest > 0 && (round < ROUNDS || System.nanoTime() < giveUp); round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 50; i++) {
                    scan(d, lines, findings);
                }
                quietest = Math.min(quietest, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertThat(findings.size()).as(d.name()).isZero();
            assertThat(quietest).as(d.name() + " bytes allocated in the quietest round").isZero();
        }
    }

    private static void scan(Detector d, String[] lines, Findings findings) {
        for (String line : lines) {
            d.detect(line, findings);
        }
    }
}
