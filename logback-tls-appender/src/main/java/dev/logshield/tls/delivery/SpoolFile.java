package dev.logshield.tls.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of a {@link DiskSpool} ({@code spool-<n>.dat}) and how far it has been read and delivered; the delivered
 * prefix is recorded beside it ({@code spool-<n>.done}: the offset, then its complement as a check). Guarded by the
 * spool's lock.
 */
final class SpoolFile {

    /** The longest event a spool file holds; a longer length prefix means a damaged file. */
    static final int MAX_EVENT = 16 * 1024 * 1024;
    private static final int DONE_LENGTH = 16;

    final Path path;
    final long index;
    final Path done;
    /** Bytes of whole records. */
    long end;
    /** Where the next unread record starts. */
    long readPosition;
    /** Where the delivered prefix ends. */
    long donePosition;
    /** Records not yet read. */
    long events;
    boolean unreadable;
    private FileChannel reader;
    private FileChannel doneWriter;
    private long recordedDone = -1;

    SpoolFile(Path path, long index, Path done) {
        this.path = path;
        this.index = index;
        this.done = done;
    }

    /** A file a previous run left: its whole records, resumed after its delivered prefix. */
    static SpoolFile open(Path path, long index, Path done) throws IOException {
        SpoolFile file = new SpoolFile(path, index, done);
        long delivered = readDone(done);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer length = ByteBuffer.allocate(4);
            boolean onBoundary = delivered == 0;
            long events = 0;
            long eventsAfterDone = 0;
            while (position + 4 <= size) {
                length.clear();
                DiskSpool.readFully(channel, length, position);
                int n = length.flip().getInt();
                if (n < 0 || n > MAX_EVENT || position + 4 + n > size) {
                    break;
                }
                if (position == delivered) {
                    onBoundary = true;
                }
                position += 4 + n;
                events++;
                if (onBoundary) {
                    eventsAfterDone++;
                }
            }
            if (position == delivered) {
                onBoundary = true;
            }
            file.end = position;
            if (onBoundary) {
                file.readPosition = delivered;
                file.events = eventsAfterDone;
            } else {
                // a delivered offset between records cannot be trusted: read the file again from the start
                file.readPosition = 0;
                file.events = events;
            }
            file.donePosition = file.readPosition;
            file.recordedDone = file.donePosition;
        }
        return file;
    }

    private static long readDone(Path done) {
        try {
            if (!Files.exists(done) || Files.size(done) < DONE_LENGTH) {
                return 0;
            }
            ByteBuffer record = ByteBuffer.wrap(Files.readAllBytes(done));
            long offset = record.getLong();
            return offset >= 0 && record.getLong() == ~offset ? offset : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    FileChannel reader() throws IOException {
        if (reader == null || !reader.isOpen()) {
            reader = FileChannel.open(path, StandardOpenOption.READ);
        }
        return reader;
    }

    /** Writes the delivered offset in place: one small write, no sync (a stale record only re-sends). */
    void recordDone() throws IOException {
        if (donePosition == recordedDone) {
            return;
        }
        if (doneWriter == null || !doneWriter.isOpen()) {
            doneWriter = FileChannel.open(done, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        ByteBuffer record = ByteBuffer.allocate(DONE_LENGTH).putLong(donePosition).putLong(~donePosition).flip();
        long at = 0;
        while (record.hasRemaining()) {
            at += doneWriter.write(record, at);
        }
        recordedDone = donePosition;
    }

    void delete() throws IOException {
        closeChannels();
        Files.deleteIfExists(path);
        Files.deleteIfExists(done);
    }

    void closeChannels() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        if (doneWriter != null) {
            doneWriter.close();
            doneWriter = null;
        }
    }
}
