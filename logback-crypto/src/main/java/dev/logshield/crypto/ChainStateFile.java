package dev.logshield.crypto;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.Hex;
import java.io.File;
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

    /**
     * The default place of the state of appender {@code name}: beside {@code file} when the active file has a
     * fixed name; without one, in the deepest directory of {@code fileNamePattern} that holds no conversion word,
     * so that a restart under a new period (whose file may sit in a new dated directory) still finds it.
     */
    static Path defaultPath(String name, String file, String fileNamePattern, Path activeFile) {
        String state = "." + name + ".lse-chain";
        if (file == null && fileNamePattern != null && fileNamePattern.indexOf('%') >= 0) {
            String fixed = fileNamePattern.substring(0, fileNamePattern.indexOf('%'));
            int slash = Math.max(fixed.lastIndexOf('/'), fixed.lastIndexOf(File.separatorChar));
            Path directory = Path.of(slash < 0 ? "" : fixed.substring(0, slash + 1)).toAbsolutePath();
            if (activeFile.toAbsolutePath().startsWith(directory)) {
                return directory.resolve(state);
            }
        }
        return activeFile.toAbsolutePath().getParent().resolve(state);
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
