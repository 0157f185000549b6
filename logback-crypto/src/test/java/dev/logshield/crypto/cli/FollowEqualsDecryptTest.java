package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt follow} tails a file while a writer appends records and rotates it: frames caught half written
 * are waited for, the rotated files are read to their end before the new file at the path, and the output is
 * exactly what {@code decrypt} prints for the final files.
 */
class FollowEqualsDecryptTest {

    private static final int EVENTS = 150;

    @TempDir
    Path dir;

    @Test
    void followOutputEqualsDecryptOfTheFinalFilesAcrossRotationsAndHalfWrittenFrames() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        Path active = dir.resolve("app.lse");
        RotatingLog log = new RotatingLog(active, reader.recipient());
        log.log("event 0");
        FirstByteSignal followed = new FirstByteSignal();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> Logcrypt.run(
                new String[] {"cat", "--follow", "-i", reader.identityArgument(), "--idle-exit", "1.5",
                        active.toString()},
                new CommandContext(new PrintStream(followed, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), name -> null, null, false)));
        assertThat(followed.first.await(30, TimeUnit.SECONDS)).as("follow printed the existing record").isTrue();

        log.splitEveryNthFrame(30, 300);
        for (int i = 1; i < EVENTS; i++) {
            log.log("event " + i);
            if (i % 50 == 0) {
                log.rotate();
            }
            Thread.sleep(2);
        }
        log.close();
        int followExit = follow.get(30, TimeUnit.SECONDS);

        List<String> decryptArgs = new ArrayList<>(List.of("decrypt", "-i", reader.identityArgument()));
        log.files().forEach(f -> decryptArgs.add(f.toString()));
        CliRun decrypt = CliRun.of(decryptArgs.toArray(String[]::new));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(log.files()).hasSize(3);
        assertThat(decrypt.exitCode()).as(decrypt.toString()).isZero();
        assertThat(decrypt.stdout()).isEqualTo(DecryptWritesSeriesInOrderAndStopsAtTamperingTest.lines(0, EVENTS));
        assertThat(followExit).as(stderr).isZero();
        assertThat(followed.toString(StandardCharsets.UTF_8)).isEqualTo(decrypt.stdout());
        assertThat(stderr).isEqualTo("3 segment(s), " + EVENTS + " record(s), " + EVENTS
                + " event(s), 0 checkpoint(s): INTACT (exit 0)\n");
    }

    /** Collects the output and signals when its first byte arrives. */
    private static final class FirstByteSignal extends ByteArrayOutputStream {
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            first.countDown();
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            first.countDown();
        }
    }
}
