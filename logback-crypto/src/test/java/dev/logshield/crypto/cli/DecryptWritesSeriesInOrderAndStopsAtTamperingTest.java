package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt decrypt} writes the records of a rotated series in series order whatever the order of the
 * files on the command line, and stops at the first integrity failure unless {@code --force}.
 */
class DecryptWritesSeriesInOrderAndStopsAtTamperingTest {

    @TempDir
    Path dir;

    private ReaderKeyFiles reader;
    private List<Path> files;

    @BeforeEach
    void writeThreeRotatedFiles() throws Exception {
        reader = ReaderKeyFiles.create(dir, "reader");
        try (RotatingLog log = new RotatingLog(dir.resolve("app.lse"), reader.recipient())) {
            for (int i = 0; i < 30; i++) {
                log.log("event " + i);
                if (i == 9 || i == 19) {
                    log.rotate();
                }
            }
            files = log.files();
        }
    }

    @Test
    void filesGivenInShuffledOrderDecryptInSeriesOrder() {
        CliRun run = CliRun.of("decrypt", "-i", reader.identityArgument(), files.get(1).toString(),
                files.get(2).toString(), files.get(0).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo(lines(0, 30));
        assertThat(run.stderr()).contains("3 segment(s), 30 record(s)").contains("INTACT");
    }

    @Test
    void catWithoutFollowIsDecrypt() {
        CliRun run = CliRun.of("cat", "-i", reader.identityArgument(), files.get(2).toString(),
                files.get(0).toString(), files.get(1).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo(lines(0, 30));
    }

    @Test
    void outputStopsAtAModifiedRecordAndForceMarksTheGap() throws Exception {
        flipLastByteOfRecord(files.get(1), 5);
        List<String> args = new ArrayList<>(List.of("decrypt", "-i", reader.identityArgument()));
        files.forEach(f -> args.add(f.toString()));

        CliRun stopped = CliRun.of(args.toArray(String[]::new));
        args.add(1, "--force");
        CliRun forced = CliRun.of(args.toArray(String[]::new));

        // file 2 holds events 10..19 in frames 1..10 (frame 0 is META): frame 5 is event 14
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.stdout()).isEqualTo(lines(0, 14));
        assertThat(stopped.stderr()).contains("record 5").contains("fails authentication").contains("TAMPERED");
        assertThat(forced.exitCode()).isEqualTo(1);
        assertThat(forced.stdout()).isEqualTo(lines(0, 14) + lines(15, 30));
        assertThat(forced.stderr()).contains("--- gap: TAMPERED");
    }

    @Test
    void withoutAKeyItIsAUsageError() {
        CliRun run = CliRun.of("decrypt", files.get(0).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("logcrypt: decrypt needs a reader key").doesNotContain("Exception");
    }

    static String lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "event " + i + "\n").collect(Collectors.joining());
    }

    /** Flips the last byte (inside the AEAD tag) of frame {@code seq} of the file's only segment. */
    static void flipLastByteOfRecord(Path file, int seq) throws Exception {
        long end = FrameOffsets.of(file).get(seq + 1) - 1;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(end);
            int b = raf.read();
            raf.seek(end);
            raf.write(b ^ 0x01);
        }
    }
}
