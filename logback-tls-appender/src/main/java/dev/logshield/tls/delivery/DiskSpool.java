package dev.logshield.tls.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bounded on-disk overflow for events that cannot be sent while the collector is away: files of length-prefixed
 * events ({@code spool-<n>.dat}, 0600, in a 0700 directory), appended in order and read back in order, a file
 * deleted once read. Files left by a previous run are read first. A record cut short by a crash ends its file.
 */
public final class DiskSpool {

    private static final String PREFIX = "spool-";
    private static final String SUFFIX = ".dat";
    private static final int MAX_EVENT = 16 * 1024 * 1024;

    private final Path directory;
    private final long maxBytes;
    private final long fileBytes;
    private final Deque<Path> files = new ArrayDeque<>();
    private long nextIndex;
    private long totalBytes;
    private FileChannel writer;
    private Path writerFile;
    private long writerBytes;
    private FileChannel reader;
    private Path readerFile;
    private long readerPosition;
    private long pendingEvents;

    public DiskSpool(Path directory, long maxBytes, long fileBytes) throws IOException {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.fileBytes = Math.max(64 * 1024, fileBytes);
        if (!Files.isDirectory(directory)) {
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        List<Path> existing = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            stream.forEach(existing::add);
        }
        existing.sort((a, b) -> Long.compare(index(a), index(b)));
        for (Path file : existing) {
            files.addLast(file);
            totalBytes += Files.size(file);
            pendingEvents += completeRecords(file);
            nextIndex = Math.max(nextIndex, index(file) + 1);
        }
    }

    /** Whole records in a file a previous run left (a record cut short by a crash ends it). */
    private static long completeRecords(Path file) throws IOException {
        long count = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer length = ByteBuffer.allocate(4);
            while (position + 4 <= size) {
                length.clear();
                channel.read(length, position);
                int n = length.flip().getInt();
                if (n < 0 || n > MAX_EVENT || position + 4 + n > size) {
                    break;
                }
                position += 4 + n;
                count++;
            }
        }
        return count;
    }

    private static long index(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Appends an event; false when the spool is full (the caller counts the drop). */
    public synchronized boolean append(byte[] event) throws IOException {
        long size = 4L + event.length;
        if (totalBytes + size > maxBytes) {
            return false;
        }
        if (writer == null || writerBytes + size > fileBytes) {
            rollWriter();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size).putInt(event.length).put(event).flip();
        while (buffer.hasRemaining()) {
            writer.write(buffer);
        }
        writerBytes += size;
        totalBytes += size;
        pendingEvents++;
        return true;
    }

    private void rollWriter() throws IOException {
        if (writer != null) {
            writer.close();
        }
        writerFile = directory.resolve(PREFIX + (nextIndex++) + SUFFIX);
        writer = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(writerFile, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(writerFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        writerBytes = 0;
        files.addLast(writerFile);
    }

    /** Removes and returns up to {@code max} of the oldest events. */
    public synchronized List<byte[]> poll(int max) throws IOException {
        List<byte[]> events = new ArrayList<>();
        while (events.size() < max) {
            if (reader == null) {
                Path next = files.peekFirst();
                if (next == null) {
                    break;
                }
                reader = FileChannel.open(next, StandardOpenOption.READ);
                readerFile = next;
                readerPosition = 0;
            }
            byte[] event = readOne();
            if (event != null) {
                events.add(event);
                continue;
            }
            if (readerFile.equals(writerFile)) {
                if (readerPosition == writerBytes) {
                    // all read: delete the file now, or the next start would find its events and send them again
                    writer.close();
                    writer = null;
                    writerFile = null;
                    finishReaderFile();
                }
                break;
            }
            finishReaderFile();
        }
        pendingEvents -= events.size();
        return events;
    }

    private byte[] readOne() throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        if (reader.read(length, readerPosition) < 4) {
            return null;
        }
        int n = length.flip().getInt();
        if (n < 0 || n > MAX_EVENT || readerPosition + 4 + n > reader.size()) {
            if (!readerFile.equals(writerFile)) {
                readerPosition = reader.size();
            }
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(n);
        while (body.hasRemaining()) {
            if (reader.read(body, readerPosition + 4 + body.position()) < 0) {
                return null;
            }
        }
        readerPosition += 4 + n;
        totalBytes -= 4 + n;
        return body.array();
    }

    private void finishReaderFile() throws IOException {
        long size = reader.size();
        reader.close();
        reader = null;
        files.pollFirst();
        totalBytes -= Math.max(0, size - readerPosition);
        Files.deleteIfExists(readerFile);
        readerFile = null;
    }

    /** True when no event is waiting. */
    public synchronized boolean isEmpty() {
        return pendingEvents <= 0;
    }

    /** Events waiting. */
    public synchronized long events() {
        return Math.max(0, pendingEvents);
    }

    /** Bytes waiting (approximate for files left by a previous run). */
    public synchronized long bytes() {
        return Math.max(0, totalBytes);
    }

    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
