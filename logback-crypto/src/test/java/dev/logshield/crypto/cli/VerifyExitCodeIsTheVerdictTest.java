package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt verify} exits 0 for an intact closed series, 1 for modified or missing data, 3 for a wrong key
 * (never a tampering verdict), 4 for an intact series whose last segment is not closed, and 2 without any key.
 */
class VerifyExitCodeIsTheVerdictTest {

    @TempDir
    Path dir;

    private ReaderKeyFiles reader;

    @BeforeEach
    void createReader() throws Exception {
        reader = ReaderKeyFiles.create(dir, "reader");
    }

    @Test
    void intactClosedSeriesExitsZeroAndPrintsTheSummary() throws Exception {
        List<Path> files = series(false);

        CliRun run = verify(files);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("3 segment(s), 9 record(s), 9 event(s), 0 checkpoint(s): INTACT (exit 0)\n");
    }

    @Test
    void wrongIdentityIsAKeyErrorNotTampering() throws Exception {
        List<Path> files = series(false);
        ReaderKeyFiles stranger = ReaderKeyFiles.create(dir, "stranger");

        CliRun run = CliRun.of(args(List.of("verify", "-i", stranger.identityArgument()), files));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout()).contains("KEY " + files.get(0)).contains("none of the keys given")
                .doesNotContain("TAMPERED");
    }

    @Test
    void flippedByteIsTamperingAtItsRecord() throws Exception {
        List<Path> files = series(false);
        DecryptWritesSeriesInOrderAndStopsAtTamperingTest.flipLastByteOfRecord(files.get(2), 2);

        CliRun run = verify(files);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("TAMPERED " + files.get(2) + ": segment 2, record 2 at byte")
                .contains("fails authentication");
    }

    @Test
    void missingFinalIsUnclosed() throws Exception {
        List<Path> files = series(true);

        CliRun run = verify(files);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.stdout()).contains("UNCLOSED " + files.get(2) + ": segment 2").contains("not closed");
    }

    @Test
    void missingMiddleFileIsTampering() throws Exception {
        List<Path> files = series(false);
        Files.delete(files.get(1));

        CliRun run = verify(List.of(files.get(0), files.get(2)));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("segment(s) 1..1 of the series are missing");
    }

    @Test
    void quietPrintsNothingAndTheExitCodeIsTheVerdict() throws Exception {
        List<Path> files = series(true);

        CliRun run = CliRun.of(args(List.of("verify", "--quiet", "-i", reader.identityArgument()), files));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void withoutAnyKeyItIsAUsageError() throws Exception {
        List<Path> files = series(false);

        CliRun run = CliRun.of(args(List.of("verify"), files));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("logcrypt: verify needs a reader key (-i, --keystore) or --seal-key:"
                + " keyless checks alone prove nothing\n");
    }

    @Test
    void unreadableIdentityFileIsAKeyErrorNamingTheFile() throws Exception {
        List<Path> files = series(false);
        Path missing = dir.resolve("no-such.key");

        CliRun run = CliRun.of(args(List.of("verify", "-i", missing.toString()), files));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).isEqualTo("logcrypt: key error: identity file not found: " + missing + "\n");
    }

    /** Three rotated files of three events each; the last one crashed (no FINAL) when {@code crashAtEnd}. */
    private List<Path> series(boolean crashAtEnd) throws Exception {
        RotatingLog log = new RotatingLog(dir.resolve("app.lse"), reader.recipient());
        for (int i = 0; i < 9; i++) {
            log.log("event " + i);
            if (i == 2 || i == 5) {
                log.rotate();
            }
        }
        if (crashAtEnd) {
            log.crash();
        } else {
            log.close();
        }
        return log.files();
    }

    private CliRun verify(List<Path> files) {
        return CliRun.of(args(List.of("verify", "-i", reader.identityArgument()), files));
    }

    private static String[] args(List<String> options, List<Path> files) {
        List<String> all = new ArrayList<>(options);
        files.forEach(f -> all.add(f.toString()));
        return all.toArray(String[]::new);
    }
}
