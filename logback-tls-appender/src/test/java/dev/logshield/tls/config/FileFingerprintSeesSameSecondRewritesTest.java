package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves a file's fingerprint changes when its content changes although its size and modification time stay the
 * same (a rewrite within the timestamp granularity), stays equal when nothing changed, and tells a missing file
 * apart from an existing one.
 */
class FileFingerprintSeesSameSecondRewritesTest {

    @TempDir
    Path dir;

    @Test
    void sameSizeAndTimeButOtherContentIsAChange() throws Exception {
        Path file = Files.writeString(dir.resolve("cert.pem"), "AAAA");
        FileTime time = Files.getLastModifiedTime(file);
        FileFingerprint before = FileFingerprint.of(file);

        Files.writeString(file, "BBBB");
        Files.setLastModifiedTime(file, time);

        assertThat(FileFingerprint.of(file)).isNotEqualTo(before);
    }

    @Test
    void nothingChangedIsEqual() throws Exception {
        Path file = Files.writeString(dir.resolve("cert.pem"), "AAAA");

        assertThat(FileFingerprint.of(file)).isEqualTo(FileFingerprint.of(file)).hasSameHashCodeAs(FileFingerprint.of(file));
    }

    @Test
    void aMissingFileDiffersFromAnyContent() throws Exception {
        Path file = dir.resolve("cert.pem");
        FileFingerprint missing = FileFingerprint.of(file);

        Files.writeString(file, "");

        assertThat(FileFingerprint.of(file)).isNotEqualTo(missing);
        Files.delete(file);
        assertThat(FileFingerprint.of(file)).isEqualTo(missing);
        assertThat(missing.toString()).isEqualTo(file + " (missing)");
    }
}
