package dev.logshield.tls.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What a file looks like now: size, modification time and SHA-256 of its content, or that it is missing or
 * unreadable. The content hash catches rewrites within the file system's timestamp granularity and rewrites that
 * keep the size. Symbolic links are followed (Kubernetes swaps secrets by re-pointing a link). Value-equal.
 */
final class FileFingerprint {

    private final Path file;
    private final long size;
    private final long modifiedNanos;
    private final byte[] sha256;
    private final String problem;

    private FileFingerprint(Path file, long size, long modifiedNanos, byte[] sha256, String problem) {
        this.file = file;
        this.size = size;
        this.modifiedNanos = modifiedNanos;
        this.sha256 = sha256;
        this.problem = problem;
    }

    static FileFingerprint of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            byte[] content = Files.readAllBytes(file);
            long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            return new FileFingerprint(file, content.length, modified, digest(content), null);
        } catch (NoSuchFileException e) {
            return new FileFingerprint(file, -1, 0, null, "missing");
        } catch (IOException e) {
            return new FileFingerprint(file, -1, 0, null, "unreadable: " + e.getClass().getSimpleName());
        }
    }

    static List<FileFingerprint> of(List<Path> files) {
        List<FileFingerprint> fingerprints = new ArrayList<>(files.size());
        for (Path f : files) {
            fingerprints.add(of(f));
        }
        return List.copyOf(fingerprints);
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FileFingerprint)) {
            return false;
        }
        FileFingerprint that = (FileFingerprint) other;
        return file.equals(that.file) && size == that.size && modifiedNanos == that.modifiedNanos
                && Arrays.equals(sha256, that.sha256) && Objects.equals(problem, that.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, size, modifiedNanos, Arrays.hashCode(sha256), problem);
    }

    @Override
    public String toString() {
        return file + (problem != null ? " (" + problem + ")" : " (" + size + " bytes)");
    }

}
