package dev.logshield.crypto.format;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file read through positional reads with a read-ahead window, so that scanning costs few system calls. */
public final class FileByteSource implements ByteSource, AutoCloseable {

    private static final int WINDOW = 256 * 1024;

    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    private int windowLength;

    public FileByteSource(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void read(long position, byte[] into, int offset, int length) throws IOException {
        if (length > WINDOW / 2) {
            readDirect(position, into, offset, length);
            return;
        }
        if (windowStart < 0 || position < windowStart || position + length > windowStart + windowLength) {
            fill(position);
            if (position + length > windowStart + windowLength) {
                throw new EOFException("read past the end of the file at " + position);
            }
        }
        System.arraycopy(window.array(), (int) (position - windowStart), into, offset, length);
    }

    private void fill(long position) throws IOException {
        window.clear();
        int total = 0;
        while (window.hasRemaining()) {
            int n = channel.read(window, position + total);
            if (n <= 0) {
                break;
            }
            total += n;
        }
        windowStart = position;
        windowLength = total;
    }

    private void readDirect(long position, byte[] into, int offset, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(into, offset, length);
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n <= 0) {
                throw new EOFException("read past the end of the file at " + at);
            }
            at += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
