package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Hex;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt inspect} needs no key: it lists segments, links, stanzas, frame counts and how each segment
 * ends, exits 0 for a well-formed file even when it is not closed, and 1 when bytes are not frames.
 */
class InspectShowsStructureWithoutKeysTest {

    @TempDir
    Path dir;

    @Test
    void describesSegmentsStanzasFramesAndEnds() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        List<Path> files;
        try (RotatingLog log = new RotatingLog(dir.resolve("app.lse"), reader.recipient())) {
            log.log("a");
            log.log("b");
            log.rotate();
            log.log("c");
            files = log.files();
        }

        CliRun run = CliRun.of("inspect", files.get(1).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String kid = Hex.of(reader.recipient().keyId());
        assertThat(run.stdout())
                .contains(files.get(1) + ": " + Files.size(files.get(1)) + " bytes")
                .contains("  segment 1 at byte 0: id ").contains(", format version 2\n")
                .contains("AES-256-GCM, not sealed")
                .contains("    follows segment ")
                .contains("    key block: 1 stanza(s)\n      HPKE X25519 recipient, key id " + kid + " (94 bytes)")
                .contains("    frames: 1 DATA 1 META 1 FINAL (3 frames, ")
                .contains("    end: closed (FINAL) at byte " + Files.size(files.get(1)));
    }

    @Test
    void showsTheClosingCheckpointOfASealedSegment() throws Exception {
        SealedSegmentFile segment = SealedSegmentFile.write(dir);
        long closingAt = FrameOffsets.of(segment.file()).get(SealedSegmentFile.CLOSING_CHECKPOINT);

        CliRun run = CliRun.of("inspect", segment.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout())
                .contains("    checkpoint at frame " + SealedSegmentFile.INTERMEDIATE_CHECKPOINT + " (byte ")
                .contains("    closing checkpoint at frame " + SealedSegmentFile.CLOSING_CHECKPOINT + " (byte "
                        + closingAt + "): epoch 1, ")
                .contains(", " + (SealedSegmentFile.FINAL + 1) + " frames, digest matches the frames before it");
    }

    @Test
    void aSegmentOfAnUnsupportedVersionIsNamedAndNotWellFormed() throws Exception {
        SealedSegmentFile segment = SealedSegmentFile.write(dir);
        try (RandomAccessFile raf = new RandomAccessFile(segment.file().toFile(), "rw")) {
            raf.seek(8);
            raf.write(3);
        }

        CliRun run = CliRun.of("inspect", segment.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("  segment at byte 0: unsupported LSE version 3 (this reader reads versions"
                + " 1 and 2), " + Files.size(segment.file()) + " byte(s) not described");
    }

    @Test
    void unclosedIsWellFormedButBytesThatAreNotFramesAreNot() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        Path file = dir.resolve("app.lse");
        RotatingLog log = new RotatingLog(file, reader.recipient());
        log.log("a");
        log.log("b");
        log.crash();

        CliRun unclosed = CliRun.of("inspect", file.toString());
        long second = FrameOffsets.of(file).get(1);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(second + 4);
            raf.write(0x7F);
        }
        CliRun damaged = CliRun.of("inspect", file.toString());

        assertThat(unclosed.exitCode()).as(unclosed.toString()).isZero();
        assertThat(unclosed.stdout()).contains("    end: NOT CLOSED at byte " + Files.size(file));
        assertThat(damaged.exitCode()).as(damaged.toString()).isEqualTo(1);
        assertThat(damaged.stdout()).contains("byte(s) at byte " + second + ", NOT FRAMES (corrupt or not LSE)");
    }
}
