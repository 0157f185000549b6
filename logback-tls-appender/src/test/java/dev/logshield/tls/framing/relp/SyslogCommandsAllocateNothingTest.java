package dev.logshield.tls.framing.relp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Writing {@code syslog} commands on the sender thread allocates nothing. The JIT may allocate a few bytes once
 * when it swaps compiled code in, so the quietest of several rounds must be zero.
 */
class SyslogCommandsAllocateNothingTest {

    private static final OutputStream SINK = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    @Test
    void writingSyslogCommandsAllocatesNothing() throws IOException {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        RelpCommandEncoder encoder = new RelpCommandEncoder();
        byte[] message = "<14>1 2026-11-25T10:11:12.123456Z h a 1 - - hello\n".getBytes(UTF_8);
        for (int warm = 0; warm < 100_000; warm++) {
            write(encoder, message, warm);
        }
        long quietest = Long.MAX_VALUE;
        // until one round is quiet, at least 20 rounds and at most 10 s: on a loaded machine the
        // optimising compiler may install the allocation-free code only after many more calls
        long giveUp = System.nanoTime() + 10_000_000_000L;
        for (int round = 0; quietest > 0 && (round < 20 || System.nanoTime() < giveUp); round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++) {
                write(encoder, message, i);
            }
            quietest = Math.min(quietest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(quietest).as("bytes allocated in the quietest round").isZero();
    }

    private static int write(RelpCommandEncoder encoder, byte[] message, int i) throws IOException {
        int txnr = 1 + i % 999_999_999;
        return encoder.syslogFrameLength(txnr, message, 0, message.length)
                + (encoder.fits(message, 0, message.length) ? 1 : 0)
                + encoder.writeSyslog(txnr, message, 0, message.length, SINK);
    }
}
