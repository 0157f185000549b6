package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.RollOnceAndStop;
import dev.logshield.crypto.testing.TestIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever the process umask (000 lets every user read and write what a process creates; 022 is the usual), every
 * file the appender and its rolling policy create is 0600 and every directory 0700: the active file, its new parent
 * directories, the archive directories (fixed-window and dated ones), the rolled files and the chain state. Proved in a child JVM started through
 * {@code /bin/sh -c 'umask NNN; exec java ...'}, with a control file showing the umask really applied.
 */
class FilesAreOwnerOnlyWhateverTheUmaskTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "umask {0}")
    @CsvSource({"000, rw-rw-rw-", "022, rw-r--r--"})
    void everyFileIs0600AndEveryDirectory0700(String umask, String controlMode) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "/bin/sh");
        TestIdentity reader = TestIdentity.generate();

        String output = runChild(umask, reader.recipient());

        assertThat(output).as("statuses of the child").doesNotContain("STATUS");
        assertThat(mode(dir.resolve("control"))).as("the umask was in force").isEqualTo(controlMode);
        Path logs = dir.resolve("logs");
        Map<String, String> modes = modesUnder(logs);
        assertThat(modes).allSatisfy((path, mode) -> assertThat(mode).as(path)
                .isEqualTo(Files.isDirectory(logs.resolve(path)) ? "rwx------" : "rw-------"));
        String today = LocalDate.now().toString();
        assertThat(modes).as("created, rolled over at least once, remembered the chain").containsKeys("",
                "app", "app/app.lse", "app/archive", "app/archive/app.1.lse", "app/.VAULT.lse-chain",
                "daily", "daily/app.lse", "daily/" + today, "daily/" + today + "/app.0.lse", "daily/.DAILY.lse-chain");
        assertThat(modes.keySet()).noneMatch(path -> path.endsWith(".tmp"));

        for (String appender : List.of("app", "daily")) {
            Decrypted decrypted = Decrypted.files(Decrypted.lseFiles(logs.resolve(appender)), reader.identity());
            assertThat(decrypted.report().exitCode()).as(appender).isZero();
        }
    }

    private String runChild(String umask, String recipient) throws Exception {
        Process child = new ProcessBuilder("/bin/sh", "-c", "umask " + umask + "; exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RollOnceAndStop.class.getName(),
                getClass().getSimpleName(), dir.toString(), recipient, "100")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    private static Map<String, String> modesUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.collect(Collectors.toMap(p -> root.relativize(p).toString(), FilesAreOwnerOnlyWhateverTheUmaskTest::mode,
                    (a, b) -> a, TreeMap::new));
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
