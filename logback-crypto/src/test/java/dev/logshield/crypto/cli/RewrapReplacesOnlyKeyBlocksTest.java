package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt rewrap} replaces only the key blocks: afterwards the new key verifies the file with the same
 * result as the old key did before, the old key no longer opens it, and every byte outside the key blocks is
 * unchanged. Files it cannot account for are refused and left alone.
 */
class RewrapReplacesOnlyKeyBlocksTest {

    @TempDir
    Path dir;

    private ReaderKeyFiles oldReader;
    private ReaderKeyFiles newReader;

    @BeforeEach
    void createReaders() throws Exception {
        oldReader = ReaderKeyFiles.create(dir, "old");
        newReader = ReaderKeyFiles.create(dir, "new");
    }

    @Test
    void newKeyVerifiesTheSameAndTheOldKeyNoLongerOpensOnceUnclosedIsAllowed() throws Exception {
        Path file = restartedFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        byte[] before = Files.readAllBytes(file);
        CliRun verifiedBefore = CliRun.of("verify", "-i", oldReader.identityArgument(), file.toString());

        CliRun refused = CliRun.of("rewrap", "-i", oldReader.identityArgument(), "--to",
                newReader.recipient().recipient(), file.toString());
        CliRun rewrap = CliRun.of("rewrap", "--allow-unclosed", "-i", oldReader.identityArgument(), "--to",
                newReader.recipient().recipient(), file.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("its last segment (1) is not closed").contains("--allow-unclosed");
        assertThat(rewrap.exitCode()).as(rewrap.toString()).isZero();
        assertThat(rewrap.stdout()).startsWith(file + ": 2 segment(s) rewrapped for X25519 recipient "
                + newReader.recipient().recipient());
        CliRun verifiedAfter = CliRun.of("verify", "-i", newReader.identityArgument(), file.toString());
        CliRun oldKeyAfter = CliRun.of("verify", "-i", oldReader.identityArgument(), file.toString());
        assertThat(verifiedBefore.exitCode()).isEqualTo(4);
        assertThat(verifiedAfter.exitCode()).isEqualTo(verifiedBefore.exitCode());
        assertThat(verifiedAfter.stdout()).isEqualTo(verifiedBefore.stdout());
        assertThat(oldKeyAfter.exitCode()).isEqualTo(3);
        assertThat(CliRun.of("decrypt", "-i", newReader.identityArgument(), file.toString()).stdout())
                .isEqualTo("before crash\nafter restart\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(outsideKeyBlocks(Files.readAllBytes(file))).isEqualTo(outsideKeyBlocks(before));
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void rewrapToAKeystoreKekOpensWithThatKek() throws Exception {
        Path file = dir.resolve("app.lse");
        try (RotatingLog log = new RotatingLog(file, oldReader.recipient())) {
            log.log("for the KEK");
        }
        Path keystore = dir.resolve("kek.p12");
        Map<String, String> env = Map.of("KS", "pw");
        assertThat(CliRun.withEnvironment(env, "keygen", "--kek", "--keystore", keystore.toString(), "--alias", "ops",
                "--password-env", "KS").exitCode()).isZero();

        CliRun rewrap = CliRun.withEnvironment(env, "rewrap", "-i", oldReader.identityArgument(), "--to-keystore",
                keystore.toString(), "--to-alias", "ops", "--to-password-env", "KS", file.toString());
        CliRun decrypt = CliRun.withEnvironment(env, "decrypt", "--keystore", keystore.toString(), "--alias", "ops",
                "--password-env", "KS", file.toString());

        assertThat(rewrap.exitCode()).as(rewrap.toString()).isZero();
        assertThat(decrypt.exitCode()).as(decrypt.toString()).isZero();
        assertThat(decrypt.stdout()).isEqualTo("for the KEK\n");
    }

    @Test
    void aRefusedFileDoesNotStopTheOthers() throws Exception {
        List<Path> files;
        try (RotatingLog log = new RotatingLog(dir.resolve("app.lse"), oldReader.recipient())) {
            log.log("rotated");
            log.rotate();
            log.log("still being written");
            files = log.files();
            CliRun rewrap = CliRun.of("rewrap", "-i", oldReader.identityArgument(), "--to",
                    newReader.recipient().recipient(), files.get(1).toString(), files.get(0).toString());

            assertThat(rewrap.exitCode()).isEqualTo(1);
            assertThat(rewrap.stderr()).contains("refusing to rewrap " + files.get(1) + ": its last segment (1) is not"
                    + " closed");
            assertThat(rewrap.stdout()).isEqualTo(files.get(0) + ": 1 segment(s) rewrapped for "
                    + newReader.recipient().describe() + "\n");
        }
        assertThat(CliRun.of("verify", "-i", newReader.identityArgument(), files.get(0).toString()).exitCode())
                .isZero();
    }

    @Test
    void garbageInTheMiddleIsRefusedAndTheFileLeftUnchanged() throws Exception {
        Path file = restartedFile();
        List<Long> frames = FrameOffsets.of(file);
        // overwrite the header of the first segment's last frame: it no longer parses as a frame
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(frames.get(1));
            raf.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
        }
        byte[] damaged = Files.readAllBytes(file);

        CliRun rewrap = CliRun.of("rewrap", "--allow-unclosed", "-i", oldReader.identityArgument(), "--to",
                newReader.recipient().recipient(), file.toString());

        assertThat(rewrap.exitCode()).isEqualTo(1);
        assertThat(rewrap.stderr()).startsWith("logcrypt: refusing to rewrap " + file + ": ")
                .contains("cannot be rewrapped safely").contains("The file is unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void aSegmentHiddenInATornRegionIsRefused() throws Exception {
        Path file = dir.resolve("app.lse");
        Path other = dir.resolve("other.lse");
        RotatingLog first = new RotatingLog(file, oldReader.recipient());
        first.log("before crash");
        first.crash();
        // a torn frame whose declared length runs past everything after it, then an unrelated segment
        Files.write(file, new byte[] {0, 1, 0, 0, 1, 42}, StandardOpenOption.APPEND);
        long hidden = Files.size(file);
        try (RotatingLog unrelated = new RotatingLog(other, oldReader.recipient())) {
            unrelated.log("unrelated");
        }
        Files.write(file, Files.readAllBytes(other), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);

        CliRun rewrap = CliRun.of("rewrap", "--allow-unclosed", "-i", oldReader.identityArgument(), "--to",
                newReader.recipient().recipient(), file.toString());

        assertThat(rewrap.exitCode()).isEqualTo(1);
        assertThat(rewrap.stderr()).isEqualTo("logcrypt: refusing to rewrap " + file + ": an LSE segment signature at"
                + " byte " + hidden + " is inside a damaged region (a torn middle); its key block could not be"
                + " replaced, so the old keys would still open it. The file is unchanged.\n");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aKeyThatOpensNoSegmentIsAKeyError() throws Exception {
        Path file = restartedFile();

        CliRun rewrap = CliRun.of("rewrap", "-i", newReader.identityArgument(), "--to",
                newReader.recipient().recipient(), file.toString());

        assertThat(rewrap.exitCode()).isEqualTo(3);
        assertThat(rewrap.stderr()).startsWith("logcrypt: key error: none of the keys given (X25519 identity for ")
                .contains("opens segment 0 (byte 0) of " + file);
    }

    /**
     * One file with two segments: a writer that crashed after one record (no FINAL), then a restart that appended
     * a linked segment (still open): what a real file looks like after a crash.
     */
    private Path restartedFile() throws Exception {
        Path file = dir.resolve("app.lse");
        Path second = dir.resolve("second.lse");
        RotatingLog first = new RotatingLog(file, oldReader.recipient());
        first.log("before crash");
        first.crash();
        ChainLink link = FrameOffsets.linkAfter(file);
        // the crash cut a frame short: its header and a few bytes reached the disk
        Files.write(file, new byte[] {0, 0, 0, 100, 1, 42, 42, 42, 42, 42, 42}, StandardOpenOption.APPEND);
        RotatingLog restarted = RotatingLog.continuing(second, List.of(oldReader.recipient()), link);
        restarted.log("after restart");
        restarted.crash();
        Files.write(file, Files.readAllBytes(second), StandardOpenOption.APPEND);
        Files.delete(second);
        return file;
    }

    /** The bytes of a file with each segment's key block cut out. */
    private static byte[] outsideKeyBlocks(byte[] file) throws Exception {
        Path copy = Files.createTempFile("rewrap", ".lse");
        try {
            Files.write(copy, file);
            byte[] result = new byte[0];
            long at = 0;
            for (long[] block : FrameOffsets.keyBlocks(copy)) {
                result = concat(result, Arrays.copyOfRange(file, (int) at, (int) block[0]));
                at = block[1];
            }
            return concat(result, Arrays.copyOfRange(file, (int) at, file.length));
        } finally {
            Files.delete(copy);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
