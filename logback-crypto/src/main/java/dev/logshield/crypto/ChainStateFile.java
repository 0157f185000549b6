package dev.logshield.crypto;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.keys.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers, next to the log, the link of the next segment, so a series stays chained across restarts even when
 * the new active file has a new name (time-based rolling without a {@code <file>}). Written when a segment ends
 * ({@code LSE-CHAIN-1 <index> <id> <digest>}) and when one starts ({@code ... open <file URI>}: the segment is
 * still being written in that file, so after a crash the next segment links past its last whole record there, not
 * to the digest it had when it started). Replaced atomically and durably (synced file, rename, synced directory)
 * each time. Holds no secret: ids and digests of ciphertext.
 */
final class ChainStateFile {

    private static final String MAGIC = "LSE-CHAIN-1";
    private static final String OPEN = "open";

    /**
     * The remembered state.
     *
     * @param next   the link the next segment carries when the segment it names ended as it was when this was
     *               written
     * @param openIn the file of that segment while it was being written (it may have grown since, and a crash
     *               left it without FINAL), or null once it ended
     */
    record State(ChainLink next, Path openIn) {
    }

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

    /** The remembered state, or null when there is none or it is unreadable. */
    State read() {
        try {
            if (!Files.isRegularFile(path)) {
                return null;
            }
            String[] parts = Files.readString(path, StandardCharsets.US_ASCII).trim().split(" ");
            boolean open = parts.length == 6 && OPEN.equals(parts[4]);
            if ((parts.length != 4 && !open) || !MAGIC.equals(parts[0])) {
                return null;
            }
            ChainLink next = new ChainLink(Long.parseLong(parts[1]), Hex.parse(parts[2]), Hex.parse(parts[3]));
            return new State(next, open ? Path.of(URI.create(parts[5])) : null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A segment ended (closed, or abandoned after a failure): the next one carries {@code next}. */
    void segmentEnded(ChainLink next) throws IOException {
        write(next, "");
    }

    /**
     * A segment started in {@code file}; {@code next} is its link as it stands now (through its first frames).
     * Costs one durable replacement per segment, not per record: after a crash the file itself tells how far the
     * segment got.
     */
    void segmentStarted(ChainLink next, Path file) throws IOException {
        write(next, ' ' + OPEN + ' ' + file.toAbsolutePath().toUri().toASCIIString());
    }

    private void write(ChainLink link, String suffix) throws IOException {
        String text = MAGIC + ' ' + link.seriesIndex() + ' ' + Hex.of(link.previousSegmentId()) + ' '
                + Hex.of(link.previousDigest()) + suffix + '\n';
        PrivateFiles.replaceAtomically(path, text.getBytes(StandardCharsets.US_ASCII));
    }
}
