package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.LseScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One generation of a followed path: the file that was at the path when it was opened, read through its own
 * channel (so it stays readable after a rotation renames or deletes it), with the scanner that walks it. Knows
 * when the path no longer leads to it: another file is there (a different file key, i.e. inode) or the file at
 * the path is shorter than what was already read (truncated or replaced in place).
 */
final class TailedFile implements AutoCloseable {

    private final Path path;
    private final int generation;
    private final FileByteSource source;
    private final Object fileKey;
    private final LseScanner scanner;
    private long largestSize;

    private TailedFile(Path path, int generation, FileByteSource source, Object fileKey) {
        this.path = path;
        this.generation = generation;
        this.source = source;
        this.fileKey = fileKey;
        this.scanner = new LseScanner(source);
    }

    /** Opens the file now at {@code path}; null when there is none (between a rotation's rename and create). */
    static TailedFile openIfPresent(Path path, int generation) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Object before = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                FileByteSource source = new FileByteSource(path);
                Object after = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                if (Objects.equals(before, after)) {
                    return new TailedFile(path, generation, source, after);
                }
                // replaced between the two looks: which file the channel holds is unknown, so try again
                source.close();
            } catch (NoSuchFileException e) {
                return null;
            }
        }
        return null;
    }

    LseScanner scanner() {
        return scanner;
    }

    int generation() {
        return generation;
    }

    /** The name findings use: the path, and for later generations which file at that path it was. */
    String label() {
        return generation == 0 ? path.toString() : path + " (file " + (generation + 1) + " at this path)";
    }

    long size() throws IOException {
        long size = source.size();
        largestSize = Math.max(largestSize, size);
        return size;
    }

    /** True when the path now leads elsewhere, or to nothing, or the file was cut shorter than what was read. */
    boolean replacedAtPath() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return true;
        }
        if (fileKey != null && now.fileKey() != null && !fileKey.equals(now.fileKey())) {
            return true;
        }
        return now.size() < Math.max(largestSize, scanner.position());
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
