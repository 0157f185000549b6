package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Framing on the sender thread allocates nothing, into a stream or a reused buffer, with and without line breaks
 * to escape. The JIT may allocate a few bytes once when it swaps compiled code in, so the quietest of several
 * rounds must be zero.
 */
class FramersAllocateNothingTest {

    private static final OutputStream SINK = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    @Test
    void framingAllocatesNothing() throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        byte[] body = "<14>1 2026-11-25T10:11:12.123456Z h a 1 - - boom\n\tat x.Y(Y.java:1)\n".getBytes(UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        Framer[] framers = {new OctetCountingFramer(), new NewlineFramer()};
        for (int warm = 0; warm < 100_000; warm++) {
            frameAll(framers, body, buffer);
        }
        long quietest = Long.MAX_VALUE;
        // until one round is quiet, at least 20 rounds and at most 10 s: on a loaded machine the
        // optimising compiler may install the allocation-free code only after many more calls
        long giveUp = System.nanoTime() + 10_000_000_000L;
        for (int round = 0; quietest > 0 && (round < 20 || System.nanoTime() < giveUp); round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++) {
                frameAll(framers, body, buffer);
            }
            quietest = Math.min(quietest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(quietest).as("bytes allocated in the quietest round").isZero();
    }

    private static int frameAll(Framer[] framers, byte[] body, ByteBuffer buffer) throws Exception {
        int n = 0;
        for (Framer framer : framers) {
            buffer.clear();
            n += framer.framedLength(body, 0, body.length);
            n += framer.frame(body, 0, body.length, SINK);
            n += framer.frame(body, 0, body.length, buffer);
        }
        return n;
    }
}
