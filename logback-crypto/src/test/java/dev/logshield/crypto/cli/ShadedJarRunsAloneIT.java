package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code target/logcrypt.jar} runs in a JVM of its own with nothing else on the class path: it makes a
 * key, decrypts and verifies a series, follows a file until its standard input is closed, and loads no Logback or
 * Micrometer class. Run by failsafe after {@code package}; skipped when the jar is older than the classes (e.g. under {@code -Dtest}).
 */
class ShadedJarRunsAloneIT {

    private static final Path JAR = Path.of("target", "logcrypt.jar");
    private static final Path CLASSES = Path.of("target", "classes", "dev", "logshield", "crypto", "cli",
            "Logcrypt.class");

    @TempDir
    Path dir;

    @Test
    void jarMakesAKeyAndDecryptsAndVerifiesWithTheJdkAlone() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "target/logcrypt.jar not built (mvn package)");
        assumeTrue(Files.getLastModifiedTime(JAR).compareTo(Files.getLastModifiedTime(CLASSES)) >= 0,
                "target/logcrypt.jar is older than the classes (mvn package)");
        Path key = dir.resolve("reader.key");
        Result keygen = java("keygen", "--out", key.toString());
        assertThat(keygen.exitCode).as(keygen.stderr).isZero();
        List<Path> files;
        try (RotatingLog log = new RotatingLog(dir.resolve("app.lse"),
                dev.logshield.crypto.keys.HpkeRecipient.parse(keygen.stdout.strip()))) {
            log.log("first");
            log.rotate();
            log.log("second");
            files = log.files();
        }

        Result decrypt = java("decrypt", "-i", key.toString(), files.get(1).toString(), files.get(0).toString());
        Result verify = java("verify", "-i", key.toString(), files.get(0).toString(), files.get(1).toString());

        assertThat(decrypt.exitCode).as(decrypt.stderr).isZero();
        assertThat(decrypt.stdout).isEqualTo("first\nsecond\n");
        assertThat(verify.exitCode).as(verify.stderr).isZero();
        assertThat(verify.stdout).isEqualTo("2 segment(s), 2 record(s), 2 event(s), 0 checkpoint(s): INTACT (exit 0)\n");
        Result follow = followUntilStdinCloses(key, files.get(1));
        assertThat(follow.exitCode).as(follow.stderr).isZero();
        assertThat(follow.stdout).isEqualTo("second\n");
        assertThat(follow.stderr).endsWith("1 segment(s), 1 record(s), 1 event(s), 0 checkpoint(s): INTACT (exit 0)\n");
        for (Result run : List.of(keygen, decrypt, verify, follow)) {
            assertThat(run.classLoads).doesNotContain("ch.qos.logback").doesNotContain("io.micrometer")
                    .doesNotContain("org.slf4j");
        }
    }

    private record Result(int exitCode, String stdout, String stderr, String classLoads) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        Launched launched = launch(args);
        launched.process.getOutputStream().close();
        return launched.result();
    }

    /** Follows {@code file} until it has printed its record, then closes the child's standard input. */
    private Result followUntilStdinCloses(Path key, Path file) throws IOException, InterruptedException {
        Launched launched = launch("follow", "-i", key.toString(), file.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.size(launched.out) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        launched.process.getOutputStream().close();
        return launched.result();
    }

    private Launched launch(String... args) throws IOException {
        Path classLog = Files.createTempFile(dir, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + classLog, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Launched(process, out, err, classLog);
    }

    private record Launched(Process process, Path out, Path err, Path classLog) {
        Result result() throws IOException, InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("logcrypt.jar did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), Files.readString(classLog, StandardCharsets.UTF_8));
        }
    }
}
