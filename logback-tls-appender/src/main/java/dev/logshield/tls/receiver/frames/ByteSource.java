package dev.logshield.tls.receiver.frames;

import java.io.IOException;
import java.io.InputStream;

/**
 * The connection's stream read through one small buffer: each refill is a single {@code read} of whatever the
 * stream has (on an {@code SSLSocket} every call may block, so the readers never read byte by byte from it), and
 * the position of every byte in the stream is known for error messages. Skipping reads into the same buffer, so
 * skipping a gigabyte costs no memory.
 *
 * <p>Not thread-safe: one per connection.
 */
final class ByteSource {

    /** 8 KiB: a TLS record carries at most 16 KiB, and a frame is mostly copied straight out of the buffer. */
    static final int BUFFER_SIZE = 8 * 1024;

    private final InputStream in;
    private final byte[] buffer;
    private int pos;
    private int limit;
    /** The stream offset of {@code buffer[0]}. */
    private long base;
    private boolean eof;

    ByteSource(InputStream in) {
        this(in, BUFFER_SIZE);
    }

    ByteSource(InputStream in, int bufferSize) {
        if (in == null) {
            throw new IllegalArgumentException("no input stream");
        }
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /**
     * Makes at least one byte available, reading once from the stream if the buffer is empty.
     *
     * @return false at the end of the stream
     */
    boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        base += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        if (n == 0) {
            // a blocking stream never does this; looping on it would spin forever
            throw new IOException("the stream returned no byte and no end of stream for a read of "
                    + buffer.length + " bytes");
        }
        limit = n;
        return true;
    }

    /** The next byte (0-255) without consuming it, or -1 at the end of the stream. */
    int peek() throws IOException {
        return fill() ? buffer[pos] & 0xFF : -1;
    }

    /** The next byte (0-255), or -1 at the end of the stream. */
    int read() throws IOException {
        return fill() ? buffer[pos++] & 0xFF : -1;
    }

    /** The stream offset of the next byte {@link #read} returns. */
    long position() {
        return base + pos;
    }

    /** The buffer; bytes {@link #start()} to {@link #end()} are the ones not consumed yet. */
    byte[] buffer() {
        return buffer;
    }

    int start() {
        return pos;
    }

    int end() {
        return limit;
    }

    /** Consumes {@code n} buffered bytes (at most {@code end() - start()}). */
    void consume(int n) {
        pos += n;
    }

    /**
     * Copies the next {@code length} bytes into {@code target}.
     *
     * @return the bytes copied: {@code length}, or fewer when the stream ended first
     */
    int readFully(byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length && fill()) {
            int n = Math.min(length - done, limit - pos);
            System.arraycopy(buffer, pos, target, offset + done, n);
            pos += n;
            done += n;
        }
        return done;
    }

    /**
     * Discards the next {@code length} bytes, reading them through the buffer.
     *
     * @return the bytes discarded: {@code length}, or fewer when the stream ended first
     */
    long skip(long length) throws IOException {
        long done = 0;
        while (done < length && fill()) {
            int n = (int) Math.min(length - done, limit - pos);
            pos += n;
            done += n;
        }
        return done;
    }

    /** {@code b} as {@code 0x41 'A'} (the character only when printable ASCII): for error details. */
    static String describe(int b) {
        String hex = String.format("0x%02X", b);
        return b >= 0x21 && b < 0x7F ? hex + " '" + (char) b + "'" : hex;
    }
}
