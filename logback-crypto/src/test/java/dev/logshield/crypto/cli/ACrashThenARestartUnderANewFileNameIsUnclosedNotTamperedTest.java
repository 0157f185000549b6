package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.LogThenHaltOrStop;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With time-based rolling and no {@code <file>}, a JVM that dies mid-segment (here {@code Runtime.halt}, after a
 * rollover) and is started again in a later period writes a file of a new name: the new segment must link to the
 * crashed one, past its last whole record, as a restart on the same file does. {@code logcrypt verify} then says
 * unclosed (the crashed segment has no FINAL), never tampered, and {@code decrypt} prints every record of both runs.
 */
class ACrashThenARestartUnderANewFileNameIsUnclosedNotTamperedTest {

    @TempDir
    Path dir;

    @Test
    void theRestartedSegmentLinksToTheCrashedOne() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        Path logs = dir.resolve("logs");

        Run crashed = run(logs, reader, 0, "halt");
        assertThat(crashed.exitCode()).as("the first run halted").isEqualTo(LogThenHaltOrStop.HALTED);
        assertThat(Decrypted.lseFiles(logs)).as("it rolled over once before the crash").hasSize(2);
        waitForTheNextSecond(crashed.endedAtMs());
        Run restarted = run(logs, reader, 1, "stop");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();

        List<Path> files = Decrypted.lseFiles(logs);
        assertThat(files).as("the restart wrote a file of a new name").hasSizeGreaterThanOrEqualTo(3);
        CliRun verify = cli("verify", reader, files);
        CliRun decrypt = cli("decrypt", reader, files);

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(4);
        assertThat(verify.stdout()).doesNotContain("TAMPERED").contains("UNCLOSED").contains("segment 1");
        assertThat(decrypt.exitCode()).as(decrypt.toString()).isEqualTo(4);
        assertThat(decrypt.stdout()).isEqualTo(lines(0, crashed.logged()) + lines(1, restarted.logged()));
    }

    private record Run(int exitCode, int logged, long endedAtMs, String output) {
    }

    /** Runs {@link LogThenHaltOrStop} in a child JVM and waits for it to end. */
    private static Run run(Path logs, ReaderKeyFiles reader, int run, String mode) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogThenHaltOrStop.class.getName(),
                ACrashThenARestartUnderANewFileNameIsUnclosedNotTamperedTest.class.getSimpleName(), logs.toString(),
                reader.recipient().recipient(), String.valueOf(run), mode)
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        int logged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("logged ")) {
                    logged = Integer.parseInt(line.substring("logged ".length()));
                }
            }
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("child JVM ended").isTrue();
        assertThat(logged).as(output.toString()).isPositive();
        return new Run(child.exitValue(), logged, System.currentTimeMillis(), output.toString());
    }

    /** The files are named for the second: the restart must come in a later one. */
    private static void waitForTheNextSecond(long afterMs) throws InterruptedException {
        while (System.currentTimeMillis() / 1000 == afterMs / 1000) {
            Thread.sleep(20);
        }
    }

    private static CliRun cli(String command, ReaderKeyFiles reader, List<Path> files) {
        List<String> args = new ArrayList<>(List.of(command, "-i", reader.identityArgument()));
        files.forEach(f -> args.add(f.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String lines(int run, int events) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events; i++) {
            text.append("run ").append(run).append(" event ").append(i).append('\n');
        }
        return text.toString();
    }
}
