package dev.logshield.crypto;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Remembers, next to the log, the link of the next segment ({@code LSE-CHAIN-1 <index> <id> <digest>}), so a
 * series stays chained across restarts even when the new active file has a new name (time-based rolling without a
 * {@code <file>}). Holds no secret: ids and digests of ciphertext.
 */
final class ChainStateFile {

    private static final String MAGIC = "LSE-CHAIN-1";

    private final Path path;

    ChainStateFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The remembered link, or null when there is none or it is unreadable. */
    ChainLink read() {
        try {
            if (!Files.isRegularFile(path)) {
                return null;
            }
            String[] parts = Files.readString(path, StandardCharsets.US_ASCII).trim().split(" ");
            if (parts.length != 4 || !MAGIC.equals(parts[0])) {
                return null;
            }
            return new ChainLink(Long.parseLong(parts[1]), Hex.parse(parts[2]), Hex.parse(parts[3]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Replaces the state atomically (temporary file, then rename). */
    void write(ChainLink link) throws IOException {
        String text = MAGIC + ' ' + link.seriesIndex() + ' ' + Hex.of(link.previousSegmentId()) + ' '
                + Hex.of(link.previousDigest()) + '\n';
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (SecureFiles.posix(path.toAbsolutePath().getParent())) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(SecureFiles.FILE_MODE));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
