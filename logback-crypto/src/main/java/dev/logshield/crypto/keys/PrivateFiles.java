package dev.logshield.crypto.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files only their owner may read (mode 0600 on POSIX file systems), durably: the data is forced to disk
 * before the call returns, and so is the directory entry. Replacement is atomic (a temporary file in the same
 * directory renamed over the target), so a crash leaves either the old content or the new, never a mix.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code file} with {@code content}.
     *
     * @throws FileAlreadyExistsException when it exists (it is never overwritten)
     */
    static void createNew(Path file, byte[] content) throws IOException {
        createParentDirectories(file);
        write(file, content);
        syncDirectory(file);
    }

    /** Replaces (or creates) {@code file} with {@code content} through {@code <name>.tmp} and an atomic rename. */
    public static void replaceAtomically(Path file, byte[] content) throws IOException {
        createParentDirectories(file);
        Path tmp = temporaryFor(file);
        // a stale temporary file from a crash is removed, never reused: its mode or owner could be anything
        Files.deleteIfExists(tmp);
        try {
            write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(file);
    }

    /** Creates the missing parent directories of {@code file} owner-only (0700); existing ones are left alone. */
    public static void createParentDirectories(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        createParentDirectories(parent);
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(parent);
        }
    }

    /** The temporary file {@link #replaceAtomically} writes first: {@code <name>.tmp} in the same directory. */
    static Path temporaryFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    private static void write(Path file, byte[] content) throws IOException {
        boolean posix = isPosix(file);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        // CREATE_NEW: never follows a planted link, never reuses a file someone else made
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        try (channel) {
            if (posix) {
                // the creation mode is filtered by the umask; set it outright so the result is exactly 0600
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // this call created the file, so a partial one is removed: a retry must not find it "already existing"
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void syncDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms (Windows) refuse to open or sync a directory; the rename itself is still atomic there
        }
    }

    private static boolean isPosix(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
