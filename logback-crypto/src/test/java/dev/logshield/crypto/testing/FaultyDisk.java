package dev.logshield.crypto.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The appender's channel decorator for tests: every channel the appender opens writes to the real file through
 * it, so forces can be counted (with the thread that asked) and a write or force can be made to fail for real,
 * the way a full disk fails: part of the frame reaches the file, then {@code IOException}.
 */
public final class FaultyDisk implements UnaryOperator<FileChannel> {

    private final AtomicBoolean failNextWrite = new AtomicBoolean();
    private final AtomicBoolean failNextForce = new AtomicBoolean();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> forceThreads = new ArrayList<>();

    @Override
    public FileChannel apply(FileChannel channel) {
        return new Channel(channel);
    }

    /** The next write puts half its bytes in the file, then fails with "No space left on device". */
    public void failNextWrite() {
        failNextWrite.set(true);
    }

    /** The next force fails with "Input/output error" (the bytes written stay in the file). */
    public void failNextForce() {
        failNextForce.set(true);
    }

    /** Successful and failed write calls so far. */
    public int writes() {
        return writes.get();
    }

    /** Write and force calls that were made to fail. */
    public int failures() {
        return failures.get();
    }

    /** Force calls so far, successful or not. */
    public synchronized int forces() {
        return forceThreads.size();
    }

    /** The name of the thread of every force call, in order. */
    public synchronized List<String> forceThreads() {
        return List.copyOf(forceThreads);
    }

    private synchronized void forced() {
        forceThreads.add(Thread.currentThread().getName());
    }

    private final class Channel extends FileChannel {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            writes.incrementAndGet();
            if (failNextWrite.compareAndSet(true, false)) {
                failures.incrementAndGet();
                ByteBuffer half = src.duplicate();
                half.limit(half.position() + half.remaining() / 2);
                while (half.hasRemaining()) {
                    file.write(half);
                }
                throw new IOException("No space left on device");
            }
            return file.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("the appender writes one buffer per frame");
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forced();
            if (failNextForce.compareAndSet(true, false)) {
                failures.incrementAndGet();
                throw new IOException("Input/output error");
            }
            file.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException("the appender never transfers into its files");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new UnsupportedOperationException("the appender only appends");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
