package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encrypted log that someone made readable by others (0644, e.g. copied or restored by a tool) is narrowed to
 * 0600 when the appender opens it again, with a status warning that says so; the new segment is appended as usual.
 */
class ExistingLogFileIsNarrowedToOwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void a0644LogBecomes0600WithAWarning() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        TestIdentity reader = TestIdentity.generate();
        Map<String, String> properties = Map.of("dir", dir.toString(), "recipient", reader.recipient());
        LoggerContext first = XmlConfiguredContext.configure(getClass().getSimpleName(), properties);
        first.getLogger("x").info("first run");
        first.stop();
        Path file = dir.resolve("app.lse");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LoggerContext second = XmlConfiguredContext.configure(getClass().getSimpleName(), properties);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        second.getLogger("x").info("second run");
        second.stop();

        assertThat(XmlConfiguredContext.errors(second)).isEmpty();
        assertThat(XmlConfiguredContext.statusMessages(second, Status.WARN))
                .containsExactly(file + " was readable or writable by other users; its mode is now 0600");
        Decrypted decrypted = Decrypted.files(List.of(file), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.lines()).containsExactly("first run", "second run");
    }
}
