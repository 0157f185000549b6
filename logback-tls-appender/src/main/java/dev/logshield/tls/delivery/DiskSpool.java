package dev.logshield.tls.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A bounded on-disk queue for events that cannot go to the collector now: files of length-prefixed events
 * ({@code spool-<n>.dat}, 0600, in a 0700 directory), appended and read back in order.
 *
 * <p>Reading does not remove: an event read ({@link #poll}) stays on disk until the sender {@link #commit commits}
 * it, once it is delivered (acknowledged, for RELP) or counted as dropped. The delivered prefix of a file is recorded
 * beside it ({@code spool-<n>.done}, written in place at every commit), so a later start resumes after it and never
 * re-sends what was delivered; a file wholly delivered is deleted. At stop, what the sender still holds in memory is
 * {@link #putBack put back} in front of everything, in order. Files left by a previous run are read first. A record
 * cut short by a crash ends its file; a {@code .done} record that does not check out is ignored (events may be sent
 * twice, never lost).
 *
 * <p>Thread-safe: application threads append while the sender thread reads and commits. An interrupt of the calling
 * thread (stop() interrupts the sender; applications interrupt their own threads) neither fails nor loses anything:
 * file I/O runs with the interrupt status cleared and restored after, since an interrupt closes a {@code FileChannel},
 * and a channel closed by one arriving during the I/O is opened again at the next use.
 */
public final class DiskSpool {

    private static final String PREFIX = "spool-";
    private static final String SUFFIX = ".dat";
    private static final String DONE_SUFFIX = ".done";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int READ_CHUNK = 64 * 1024;

    private final Path directory;
    private final long maxBytes;
    private final long fileBytes;
    private final boolean posix;
    /** The spool's files, oldest first. */
    private final Deque<SpoolFile> files = new ArrayDeque<>();
    /** Events read and not yet committed, in reading order: the file each lies in and where it ends. */
    private final Deque<Mark> inFlight = new ArrayDeque<>();
    private final ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
    private long nextIndex;
    private long bytes;
    private long unread;
    private long lost;
    private SpoolFile writing;
    private FileChannel writer;

    public DiskSpool(Path directory, long maxBytes, long fileBytes) throws IOException {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.fileBytes = Math.max(64 * 1024, fileBytes);
        this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        List<Path> existing = new ArrayList<>();
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && index(file, SUFFIX) != null) {
                    existing.add(file);
                } else if (name.endsWith(TEMP_SUFFIX)) {
                    leftovers.add(file);
                }
            }
        }
        for (Path leftover : leftovers) {
            // a put-back that a crash interrupted before its rename: its events are still where they were
            Files.deleteIfExists(leftover);
        }
        existing.sort((a, b) -> Long.compare(index(a, SUFFIX), index(b, SUFFIX)));
        for (Path file : existing) {
            SpoolFile spoolFile = SpoolFile.open(file, index(file, SUFFIX), doneFile(file));
            nextIndex = Math.max(nextIndex, spoolFile.index + 1);
            if (spoolFile.events == 0) {
                spoolFile.delete();
                continue;
            }
            files.addLast(spoolFile);
            bytes += spoolFile.end - spoolFile.readPosition;
            unread += spoolFile.events;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + DONE_SUFFIX)) {
            for (Path done : stream) {
                String name = done.getFileName().toString();
                if (!Files.exists(directory.resolve(name.substring(0, name.length() - DONE_SUFFIX.length()) + SUFFIX))) {
                    Files.deleteIfExists(done);
                }
            }
        }
    }

    /** The directory this spool lives in. */
    public Path directory() {
        return directory;
    }

    /** Appends an event behind every other; false when the spool is full (the caller counts the drop). */
    public synchronized boolean append(byte[] event) throws IOException {
        return uninterrupted(() -> appendUninterrupted(event));
    }

    private boolean appendUninterrupted(byte[] event) throws IOException {
        long size = 4L + event.length;
        if (bytes + size > maxBytes) {
            return false;
        }
        if (writer == null || writing.end + size > fileBytes) {
            rollWriter();
        } else if (!writer.isOpen()) {
            // closed by an interrupt during a write: reopened after the last whole record
            writer = FileChannel.open(writing.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            writer.truncate(writing.end);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size).putInt(event.length).put(event).flip();
        while (buffer.hasRemaining()) {
            writer.write(buffer);
        }
        writing.end += size;
        writing.events++;
        bytes += size;
        unread++;
        return true;
    }

    private void rollWriter() throws IOException {
        closeWriter();
        Path path = directory.resolve(PREFIX + (nextIndex++) + SUFFIX);
        writer = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), ownerOnly());
        writing = new SpoolFile(path, index(path, SUFFIX), doneFile(path));
        files.addLast(writing);
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            writing = null;
        }
    }

    /** File I/O that an interrupt would cut (it closes the channel): run with the status cleared, restored after. */
    private static <T, X extends Exception> T uninterrupted(FileWork<T, X> work) throws X {
        boolean interrupted = Thread.interrupted();
        try {
            return work.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface FileWork<T, X extends Exception> {
        T run() throws X;
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    /**
     * Reads up to {@code max} of the oldest unread events. They stay in the spool, in flight, until {@link #commit}.
     * A file that cannot be read is given up: its unread events are counted in {@link #takeLost()}.
     */
    public synchronized List<byte[]> poll(int max) {
        return uninterrupted(() -> pollUninterrupted(max));
    }

    private List<byte[]> pollUninterrupted(int max) {
        List<byte[]> events = new ArrayList<>(Math.min(max, 1024));
        for (SpoolFile file : files) {
            if (events.size() >= max) {
                break;
            }
            if (file.readPosition >= file.end) {
                continue;
            }
            try {
                read(file, events, max);
            } catch (ClosedChannelException e) {
                // an interrupt arrived during the read: the file is fine, its channel is opened again next time
                break;
            } catch (IOException e) {
                lost += file.events;
                unread -= file.events;
                bytes -= file.end - file.readPosition;
                file.events = 0;
                file.readPosition = file.end;
                file.unreadable = true;
            }
        }
        for (SpoolFile file : List.copyOf(files)) {
            if (file.unreadable && !hasInFlight(file)) {
                discard(file);
            }
        }
        return events;
    }

    private boolean hasInFlight(SpoolFile file) {
        for (Mark mark : inFlight) {
            if (mark.file == file) {
                return true;
            }
        }
        return false;
    }

    private void discard(SpoolFile file) {
        if (file == writing) {
            try {
                closeWriter();
            } catch (IOException e) {
                // given up anyway
            }
        }
        files.remove(file);
        try {
            file.delete();
        } catch (IOException e) {
            // a later start tries again
        }
    }

    private void read(SpoolFile file, List<byte[]> events, int max) throws IOException {
        FileChannel channel = file.reader();
        while (events.size() < max && file.readPosition < file.end) {
            chunk.clear();
            chunk.limit((int) Math.min(READ_CHUNK, file.end - file.readPosition));
            readFully(channel, chunk, file.readPosition);
            chunk.flip();
            boolean progressed = false;
            while (events.size() < max && chunk.remaining() >= 4) {
                int n = chunk.getInt(chunk.position());
                if (n < 0 || n > SpoolFile.MAX_EVENT) {
                    throw new IOException("a record of " + n + " bytes in " + file.path);
                }
                byte[] event = new byte[n];
                if (chunk.remaining() >= 4 + n) {
                    chunk.position(chunk.position() + 4);
                    chunk.get(event);
                } else if (chunk.position() == 0) {
                    // larger than a chunk: read it whole
                    readFully(channel, ByteBuffer.wrap(event), file.readPosition + 4);
                } else {
                    break;
                }
                file.readPosition += 4 + n;
                file.events--;
                unread--;
                inFlight.addLast(new Mark(file, file.readPosition, 4 + n));
                events.add(event);
                progressed = true;
                if (chunk.position() == 0) {
                    break;
                }
            }
            if (!progressed && events.size() < max) {
                throw new IOException("a record cut short in " + file.path);
            }
        }
    }

    static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException("the file ends early");
            }
            at += n;
        }
    }

    /**
     * Marks the {@code count} oldest events in flight as done with (delivered, or counted as dropped): a later start
     * will not read them again, and a file wholly done with is deleted.
     */
    public synchronized void commit(int count) throws IOException {
        uninterrupted(() -> {
            commitUninterrupted(count);
            return null;
        });
    }

    private void commitUninterrupted(int count) throws IOException {
        SpoolFile last = null;
        for (int i = 0; i < count && !inFlight.isEmpty(); i++) {
            Mark mark = inFlight.pollFirst();
            mark.file.donePosition = mark.end;
            bytes -= mark.bytes;
            if (last != null && last != mark.file) {
                settle(last);
            }
            last = mark.file;
        }
        if (last != null) {
            settle(last);
        }
    }

    /** Events read and not yet committed. */
    public synchronized int inFlight() {
        return inFlight.size();
    }

    /** Deletes {@code file} once nothing in it is left to deliver; records its delivered prefix otherwise. */
    private void settle(SpoolFile file) throws IOException {
        boolean finished = file.events == 0 && (file.donePosition >= file.end || file.unreadable);
        if (finished && (inFlight.isEmpty() || inFlight.peekFirst().file != file)) {
            if (file == writing) {
                closeWriter();
            }
            files.remove(file);
            file.delete();
        } else {
            file.recordDone();
        }
    }

    /**
     * Puts {@code events}, what the sender still held at stop in delivery order, in front of every event in the
     * spool, then commits every event in flight (the sender holds those too, so they are among {@code events}).
     * Returns how many of {@code events}, from the first, are in the spool now; the others did not fit.
     */
    public synchronized int putBack(List<byte[]> events) throws IOException {
        return uninterrupted(() -> putBackUninterrupted(events));
    }

    private int putBackUninterrupted(List<byte[]> events) throws IOException {
        long inFlightBytes = 0;
        for (Mark mark : inFlight) {
            inFlightBytes += mark.bytes;
        }
        long room = maxBytes - (bytes - inFlightBytes);
        int fit = 0;
        long size = 0;
        while (fit < events.size() && size + 4L + events.get(fit).length <= room) {
            size += 4L + events.get(fit++).length;
        }
        if (fit > 0) {
            long index = files.isEmpty() ? nextIndex++ : files.peekFirst().index - 1;
            Path path = directory.resolve(PREFIX + index + SUFFIX);
            Path temp = directory.resolve(PREFIX + index + TEMP_SUFFIX);
            try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), ownerOnly())) {
                for (int i = 0; i < fit; i++) {
                    byte[] event = events.get(i);
                    ByteBuffer buffer = ByteBuffer.allocate(4 + event.length).putInt(event.length).put(event).flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                out.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            SpoolFile front = new SpoolFile(path, index, doneFile(path));
            front.end = size;
            front.events = fit;
            commitUninterrupted(inFlight.size());
            files.addFirst(front);
            bytes += size;
            unread += fit;
        } else {
            commitUninterrupted(inFlight.size());
        }
        return fit;
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens directories; the rename is durable on its own there
        }
    }

    /** Events given up because their file could not be read, since the last call. */
    public synchronized long takeLost() {
        long n = lost;
        lost = 0;
        return n;
    }

    /** True when no event is waiting to be read. */
    public synchronized boolean isEmpty() {
        return unread <= 0;
    }

    /** Events waiting to be read. */
    public synchronized long unread() {
        return Math.max(0, unread);
    }

    /** Events in the spool: waiting to be read, or read and not yet committed. */
    public synchronized long events() {
        return Math.max(0, unread) + inFlight.size();
    }

    /** Bytes of the events in the spool. */
    public synchronized long bytes() {
        return Math.max(0, bytes);
    }

    public synchronized void close() throws IOException {
        closeWriter();
        for (SpoolFile file : files) {
            file.closeChannels();
        }
    }

    private static Long index(Path file, String suffix) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - suffix.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Path doneFile(Path data) {
        String name = data.getFileName().toString();
        return data.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + DONE_SUFFIX);
    }

    /** Where an event read from the spool ends, for {@link #commit}. */
    private record Mark(SpoolFile file, long end, long bytes) {
    }
}
