package dev.logshield.tls.receiver.frames;

import java.io.InputStream;
import java.util.Arrays;

/**
 * {@code head}, then {@code count} copies of {@code filler} generated on the fly, then {@code tail}: a stream far
 * larger than anything a test may hold in memory.
 */
final class EndlessStream extends InputStream {

    private final byte[] head;
    private final long count;
    private final byte filler;
    private final byte[] tail;
    private long pos;

    EndlessStream(byte[] head, long count, byte filler, byte[] tail) {
        this.head = head;
        this.count = count;
        this.filler = filler;
        this.tail = tail;
    }

    @Override
    public int read() {
        throw new AssertionError("a frame reader read a single byte from the stream");
    }

    @Override
    public int read(byte[] b, int off, int len) {
        long total = head.length + count + tail.length;
        if (pos >= total) {
            return -1;
        }
        int n = (int) Math.min(len, total - pos);
        for (int i = 0; i < n; i++) {
            long p = pos + i;
            b[off + i] = p < head.length ? head[(int) p]
                    : p < head.length + count ? filler : tail[(int) (p - head.length - count)];
        }
        pos += n;
        return n;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "EndlessStream[" + Arrays.toString(head) + " + " + count + " x " + filler + "]";
    }
}
