package dev.logshield.crypto.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file all at once: the new content goes to a temporary file in the same directory, created owner-only
 * (0600), given the original's permissions (and, where the process may, its owner and group), synced, renamed over
 * the original, and the directory synced. A crash leaves either the old file or the new one, never a mix.
 */
final class AtomicReplacement implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private boolean committed;

    private AtomicReplacement(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /** Starts replacing {@code target}; write to {@link #channel()}, then {@link #commit()}. */
    static AtomicReplacement of(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = posix()
                ? Files.createTempFile(directory, "." + target.getFileName(), ".tmp", ownerOnly())
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            return new AtomicReplacement(target, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    FileChannel channel() {
        return channel;
    }

    /** Gives the new file the original's permissions, syncs it and renames it over the original. */
    void commit() throws IOException {
        if (posix()) {
            keepOwnership();
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Discards the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }

    private void keepOwnership() throws IOException {
        PosixFileAttributes original = Files.readAttributes(target, PosixFileAttributes.class);
        PosixFileAttributeView copy = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        try {
            if (!original.owner().equals(Files.getOwner(temporary))) {
                copy.setOwner(original.owner());
            }
            copy.setGroup(original.group());
        } catch (FileSystemException e) {
            // only a privileged process may give a file away; the permissions are kept all the same
        }
    }

    static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not every platform can sync a directory; the rename itself is atomic either way
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
