package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Logback's own size-triggered fixed-window rolling, the rolled files form one chained series: given in any
 * order, they decrypt in logging order and verify intact; every rolled file keeps mode 0600.
 */
class SizeRolledSeriesDecryptsInOrderTest {

    @TempDir
    Path dir;

    @Test
    void rolledFilesDecryptInOrderWhateverOrderTheyAreGivenIn() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String line = "event " + i + " " + "x".repeat(40);
            context.getLogger("x").info(line);
            expected.add(line);
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        List<Path> files = Decrypted.lseFiles(dir);
        assertThat(files.size()).isGreaterThan(3);
        Collections.shuffle(files);
        Decrypted decrypted = Decrypted.files(files, reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
