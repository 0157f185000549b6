package dev.logshield.tls.receiver.frames;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * An input stream like a socket's: each read returns whatever "arrived", here 1 to {@code maxChunk} bytes chosen
 * by a seeded random, never more than asked. The one-byte {@link #read()} fails the test: the readers must read
 * through their buffer, as every call on an SSLSocket stream may block.
 */
final class ChunkedStream extends InputStream {

    private final byte[] bytes;
    private final Random random;
    private final int maxChunk;
    private int pos;
    int reads;

    ChunkedStream(byte[] bytes, long seed, int maxChunk) {
        this.bytes = bytes;
        this.random = new Random(seed);
        this.maxChunk = maxChunk;
    }

    /** Everything in one read where it fits. */
    static ChunkedStream whole(byte[] bytes) {
        return new ChunkedStream(bytes, 0, Integer.MAX_VALUE);
    }

    @Override
    public int read() {
        throw new AssertionError("a frame reader read a single byte from the stream");
    }

    @Override
    public int read(byte[] b, int off, int len) {
        reads++;
        if (len == 0) {
            return 0;
        }
        if (pos >= bytes.length) {
            return -1;
        }
        int chunk = maxChunk == Integer.MAX_VALUE ? Integer.MAX_VALUE : 1 + random.nextInt(maxChunk);
        int n = Math.min(Math.min(len, chunk), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public String toString() {
        return "ChunkedStream" + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 64)));
    }
}
