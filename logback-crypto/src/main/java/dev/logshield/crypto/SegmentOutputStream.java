package dev.logshield.crypto;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.KeyMaterialException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The stream {@link EncryptedFileAppender} gives Logback in place of a file stream: every {@code write} is one
 * encoded event, every {@code flush} seals what was written since the last one into a DATA record (so with
 * {@code immediateFlush} each event is its own record, sealed as it is written and durable at once; without it,
 * events are batched up to {@code maxBatchBytes} or {@code maxBatchDelay}). {@code close} writes the final
 * checkpoint and FINAL.
 *
 * <p>It never throws into a logging call: after an I/O or fsync error the segment ends (never retried blindly),
 * events are dropped and counted until a new segment opens at the end of the same file, with backoff.
 * Sequence numbers are assigned under one lock, so they increase strictly on disk whatever the thread count.
 */
final class SegmentOutputStream extends OutputStream {

    /** Opens the file and the next segment on it: file, keys and settings are the appender's business. */
    interface SegmentStarter {
        /** The file, opened for appending (created 0600 when absent). */
        FileChannel open() throws IOException;

        SegmentWriter start(FileChannel channel, ChainLink link, long nowMs) throws IOException, KeyMaterialException;
    }

    /** What the stream tells its appender (status messages, metrics). */
    interface Listener {
        void recordWritten(int bytes, int events);

        void dropped(int events, String reason);

        void failed(String what, Exception cause);

        void segmentStarted(SegmentWriter writer);

        /**
         * This stream's segment ended, closed or abandoned after a failure: the segment after it (in this file
         * or the next one) must carry {@code next}, the link to its last whole record.
         */
        void segmentEnded(ChainLink next);
    }

    private static final long FIRST_RETRY_MS = 1_000;
    private static final long MAX_RETRY_MS = 60_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private final SegmentStarter starter;
    private final Listener listener;
    private final SyncPolicy syncPolicy;
    private final long syncIntervalMs;
    private final int maxBatchBytes;
    private final long maxBatchDelayMs;
    private final boolean recordPerWrite;
    private final LongSupplier clock;

    private FileChannel channel;
    private SegmentWriter writer;
    private ChainLink nextLink;
    private byte[] batch = new byte[1024];
    private int batchLength;
    private int batchEvents;
    private long batchStartedMs;
    private long lastSyncMs;
    private long retryAtMs;
    private long retryDelayMs = FIRST_RETRY_MS;
    private boolean closed;
    private SegmentWriter.FinalReason finishReason = SegmentWriter.FinalReason.CLOSE;

    /**
     * @param channel and {@code writer}: the open segment, or both null when it could not be opened (the stream
     *                then retries with backoff, counting what it drops meanwhile)
     * @param link    the link of the next segment when {@code writer} is null
     * @param recordPerWrite every write is sealed into its own record at once, straight from the caller's bytes:
     *                the appender's {@code immediateFlush}, under which Logback flushes after every write anyway
     */
    SegmentOutputStream(Path file, FileChannel channel, SegmentWriter writer, ChainLink link, SegmentStarter starter,
                        Listener listener, SyncPolicy syncPolicy, long syncIntervalMs, int maxBatchBytes,
                        long maxBatchDelayMs, boolean recordPerWrite, LongSupplier clock) {
        this.file = file;
        this.channel = channel;
        this.writer = writer;
        this.starter = starter;
        this.listener = listener;
        this.syncPolicy = syncPolicy;
        this.syncIntervalMs = syncIntervalMs;
        this.maxBatchBytes = Math.max(1, Math.min(maxBatchBytes, LseFormat.MAX_DATA_PAYLOAD));
        this.maxBatchDelayMs = maxBatchDelayMs;
        this.recordPerWrite = recordPerWrite;
        this.clock = clock;
        this.nextLink = writer != null ? writer.nextLink() : link;
        this.lastSyncMs = clock.getAsLong();
    }

    /** A frame sink onto {@code channel}: the whole frame in one write call (looping only on short writes). */
    static void writeFully(FileChannel channel, byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        lock.lock();
        try {
            if (closed) {
                listener.dropped(1, "closed");
                return;
            }
            if (length > LseFormat.MAX_DATA_PAYLOAD) {
                listener.dropped(1, "too-large");
                listener.failed("an event of " + length + " bytes exceeds the " + LseFormat.MAX_DATA_PAYLOAD
                        + "-byte record limit and was dropped", null);
                return;
            }
            // the clock is read only when time matters (a segment to open, a batch to seal or to start): most
            // events of a batch just join it, and a clock read costs as much as copying the event
            if (writer == null && !ensureSegment(clock.getAsLong())) {
                listener.dropped(1, "no-segment");
                return;
            }
            if (recordPerWrite && batchLength == 0) {
                writeRecord(bytes, offset, length, 1, clock.getAsLong());
                return;
            }
            if (batchLength > 0 && batchLength + length > maxBatchBytes) {
                sealBatch(clock.getAsLong());
                if (writer == null) {
                    listener.dropped(1, "write-failed");
                    return;
                }
            }
            if (batchLength == 0) {
                batchStartedMs = clock.getAsLong();
            }
            ensureBatch(batchLength + length);
            System.arraycopy(bytes, offset, batch, batchLength, length);
            batchLength += length;
            batchEvents++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            if (!closed && batchLength > 0) {
                sealBatch(clock.getAsLong());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Background work, called about once a second: seals a batch older than {@code maxBatchDelay}, writes due
     * checkpoints and key ratchets (so keys are erased on time even when idle), forces under the interval policy,
     * and reports a clock the seal does not follow.
     */
    void tick() {
        long now = clock.getAsLong();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (batchLength > 0 && now - batchStartedMs >= maxBatchDelayMs) {
                sealBatch(now);
            }
            if (writer == null) {
                return;
            }
            try {
                writer.tick(now);
                // a clock too far ahead is not followed: say so (the appender rate-limits these reports)
                writer.sealClockRefusal().ifPresent(why -> listener.failed("keeps its seal epoch: " + why, null));
                if (syncPolicy == SyncPolicy.INTERVAL && now - lastSyncMs >= syncIntervalMs) {
                    channel.force(false);
                    lastSyncMs = now;
                }
            } catch (IOException | RuntimeException e) {
                fail("background write or fsync failed", e, now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the next close is a rollover (recorded in FINAL). */
    void finishReason(SegmentWriter.FinalReason reason) {
        lock.lock();
        try {
            this.finishReason = reason;
        } finally {
            lock.unlock();
        }
    }

    /** The link the segment after this stream's last one must carry. */
    ChainLink nextLink() {
        lock.lock();
        try {
            return writer != null ? writer.nextLink() : nextLink;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        long now = clock.getAsLong();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            sealBatch(now);
            closed = true;
            if (writer == null) {
                // abandoned after a failure: what follows (a rollover's new file, a restart) links to its last
                // whole record, not to whatever segment ended before it
                listener.segmentEnded(nextLink);
                return;
            }
            try {
                writer.finish(finishReason, now);
                if (syncPolicy != SyncPolicy.NONE) {
                    channel.force(false);
                }
            } finally {
                // FINAL written or not, forced or not: the next segment follows the last whole record
                nextLink = writer.nextLink();
                writer = null;
                listener.segmentEnded(nextLink);
                channel.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private void sealBatch(long now) {
        if (batchLength == 0) {
            return;
        }
        int events = batchEvents;
        int length = batchLength;
        batchLength = 0;
        batchEvents = 0;
        writeRecord(batch, 0, length, events, now);
    }

    /** Seals {@code events} encoded events into one DATA record; on failure, counts them dropped and ends the segment. */
    private void writeRecord(byte[] payload, int offset, int length, int events, long now) {
        if (writer == null) {
            listener.dropped(events, "no-segment");
            return;
        }
        try {
            writer.writeData(payload, offset, length, events, now);
        } catch (IOException | RuntimeException e) {
            listener.dropped(events, "write-failed");
            fail("writing a record failed", e, now);
            return;
        }
        // the record is whole in the file (a reader gets it) even if the force below fails: written, not dropped
        listener.recordWritten(length, events);
        if (syncPolicy == SyncPolicy.EVERY_RECORD) {
            try {
                channel.force(false);
                lastSyncMs = now;
            } catch (IOException | RuntimeException e) {
                fail("fsync after a record failed", e, now);
            }
        }
    }

    private boolean ensureSegment(long now) {
        if (writer != null) {
            return true;
        }
        if (now < retryAtMs) {
            return false;
        }
        FileChannel opened = null;
        try {
            opened = starter.open();
            writer = starter.start(opened, nextLink, now);
            channel = opened;
            retryDelayMs = FIRST_RETRY_MS;
            listener.segmentStarted(writer);
            return true;
        } catch (IOException | KeyMaterialException | RuntimeException e) {
            closeQuietly(opened);
            retryAtMs = now + retryDelayMs;
            retryDelayMs = Math.min(MAX_RETRY_MS, retryDelayMs * 2);
            listener.failed("cannot start a new segment in " + file + " (next attempt in "
                    + (retryAtMs - now) / 1000 + " s)", e);
            return false;
        }
    }

    private void fail(String what, Exception e, long now) {
        if (writer != null) {
            nextLink = writer.nextLink();
            writer.abandon();
            writer = null;
        }
        closeQuietly(channel);
        channel = null;
        retryAtMs = now + retryDelayMs;
        listener.failed(what + " in " + file + ": the segment is abandoned (never retried); a new one starts at the"
                + " end of the file", e);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the segment is already abandoned
        }
    }

    private void ensureBatch(int size) {
        if (batch.length < size) {
            byte[] bigger = new byte[Math.max(size, batch.length * 2)];
            System.arraycopy(batch, 0, bigger, 0, batchLength);
            batch = bigger;
        }
    }
}
