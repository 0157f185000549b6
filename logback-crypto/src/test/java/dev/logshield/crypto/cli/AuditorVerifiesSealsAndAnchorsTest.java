package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.verify.Anchor;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the auditor's seal key alone, {@code verify} checks the checkpoints of a sealed series without reading it;
 * {@code --expect-sealed} fails unsealed segments; {@code --anchor} catches a truncation that is otherwise only
 * "unclosed"; and a forged checkpoint naming an absurd epoch fails at once instead of hanging the verifier.
 */
class AuditorVerifiesSealsAndAnchorsTest {

    @TempDir
    Path dir;

    private ReaderKeyFiles reader;
    private SealState.Created seal;
    private Path auditorKey;
    private final List<String> anchorLines = new ArrayList<>();

    @BeforeEach
    void createKeys() throws Exception {
        reader = ReaderKeyFiles.create(dir, "reader");
        // an origin in the past: the writer starts at a later epoch, as a long-lived host does
        seal = SealState.create(dir.resolve("host.seal"), System.currentTimeMillis() - 60_000, 10, new SecureRandom());
        auditorKey = dir.resolve("auditor.key");
        seal.verificationKey().write(auditorKey);
    }

    @Test
    void auditorVerifiesCheckpointsWithTheSealKeyAloneFromAFileOrTheLine() throws Exception {
        List<Path> files = sealedSeries();

        CliRun fromFile = CliRun.of(args(List.of("verify", "--seal-key", auditorKey.toString(), "--expect-sealed"),
                files));
        CliRun fromLine = CliRun.of(args(List.of("verify", "--seal-key", seal.verificationKey().format()), files));

        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(fromFile.stdout()).isEqualTo("2 segment(s), 6 record(s), 0 event(s), 4 checkpoint(s): INTACT"
                + " (exit 0)\n");
        assertThat(fromLine.exitCode()).as(fromLine.toString()).isZero();
    }

    @Test
    void expectSealedFailsAnUnsealedSeries() throws Exception {
        List<Path> files;
        try (RotatingLog log = new RotatingLog(dir.resolve("plain.lse"), reader.recipient())) {
            log.log("not sealed");
            files = log.files();
        }

        CliRun run = CliRun.of(args(List.of("verify", "-i", reader.identityArgument(), "--expect-sealed"), files));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("segment is not sealed but sealing is expected (--expect-sealed)");
    }

    @Test
    void anchorTurnsATruncatedTailFromUnclosedIntoTampered() throws Exception {
        List<Path> files = sealedSeries();
        Path anchors = dir.resolve("remote-anchors.log");
        Files.write(anchors, anchorLines, StandardCharsets.UTF_8);
        Path last = files.get(1);
        List<Long> frames = FrameOffsets.of(last);
        // cut the closing checkpoint and FINAL: what an intruder deleting the newest records leaves
        try (RandomAccessFile raf = new RandomAccessFile(last.toFile(), "rw")) {
            raf.setLength(frames.get(frames.size() - 3));
        }

        CliRun withoutAnchor = CliRun.of(args(List.of("verify", "-i", reader.identityArgument()), files));
        CliRun withAnchor = CliRun.of(args(List.of("verify", "-i", reader.identityArgument(), "--anchor",
                anchors.toString()), files));

        assertThat(withoutAnchor.exitCode()).as(withoutAnchor.toString()).isEqualTo(4);
        assertThat(withAnchor.exitCode()).as(withAnchor.toString()).isEqualTo(1);
        assertThat(withAnchor.stdout()).contains("an anchor proves record").contains("truncated");
    }

    @Test
    void forgedCheckpointWithAnAbsurdEpochFailsWithoutHanging() throws Exception {
        List<Path> files = sealedSeries();
        long checkpoint = FrameOffsets.of(files.get(0)).get(1);
        try (RandomAccessFile raf = new RandomAccessFile(files.get(0).toFile(), "rw")) {
            raf.seek(checkpoint + 5);
            raf.write(ByteBuffer.allocate(8).putLong(1L << 62).array());
        }

        // a verifier that walked the key chain to epoch 2^62 would never finish: a generous limit still catches it
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.of(args(List.of("verify", "--seal-key", auditorKey.toString()), files)));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("checkpoint time lies outside its epoch " + (1L << 62));
    }

    @Test
    void aSealKeyThatIsNotOneIsAKeyError() throws Exception {
        List<Path> files = sealedSeries();
        Path notAKey = dir.resolve("not-a-key");
        Files.writeString(notAKey, "hello\n");

        CliRun run = CliRun.of(args(List.of("verify", "--seal-key", notAKey.toString()), files));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).startsWith("logcrypt: key error: " + notAKey);
    }

    /** Two sealed segments in two files, three events each; every checkpoint also becomes an anchor line. */
    private List<Path> sealedSeries() throws Exception {
        try (RotatingLog log = new RotatingLog(dir.resolve("app.lse"), List.of(reader.recipient()),
                dev.logshield.crypto.SealStateKeySource.of(seal.state()),
                (core, checkpoint) -> anchorLines.add(Anchor.line(core.segmentId(), core.seriesIndex(), checkpoint)))) {
            for (int i = 0; i < 6; i++) {
                log.log("event " + i);
                if (i == 2) {
                    log.rotate();
                }
            }
            return log.files();
        }
    }

    private static String[] args(List<String> options, List<Path> files) {
        List<String> all = new ArrayList<>(options);
        files.forEach(f -> all.add(f.toString()));
        return all.toArray(String[]::new);
    }
}
