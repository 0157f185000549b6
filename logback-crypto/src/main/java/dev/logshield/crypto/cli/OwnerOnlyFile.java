package dev.logshield.crypto.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates a secret file all at once and never over another: the content goes to a temporary file created
 * owner-only (0600) in the same directory and synced, then is linked to the final name (a link fails when the name
 * exists, so an existing key is never replaced), and the directory is synced. Readers never see a partial key file.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** @throws FileAlreadyExistsException when {@code target} exists */
    static void create(Path target, byte[] content) throws IOException {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        dev.logshield.crypto.keys.PrivateFiles.createParentDirectories(target);
        Path directory = target.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(directory, "." + target.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.createLink(target, temporary);
            } catch (UnsupportedOperationException e) {
                // no hard links here: a plain rename, which does not replace an existing file either
                Files.move(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        AtomicReplacement.syncDirectory(directory);
    }
}
