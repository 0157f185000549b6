package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.KeystoreKek;
import dev.logshield.crypto.testing.FormatDocument;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written before format version 2 keep working: FORMAT.md's version 1 vectors (read from the document) are
 * decrypted, followed and verified with their key-encryption key, inspected as version 1, and rewrapped for a new
 * reader without becoming version 2 (only the key block changes; the core, its version byte and every frame stay).
 */
class Version1FilesStillWorkWithEveryCommandTest {

    private static final Map<String, String> ENV = Map.of("KS", "vector keystore password");

    @TempDir
    Path dir;

    private Path keystore;

    @BeforeEach
    void keystoreWithTheVectorsKek() throws Exception {
        keystore = dir.resolve("vector-kek.p12");
        KeystoreKek.create(keystore, ENV.get("KS").toCharArray(), "logs",
                new SecretKeySpec(FormatDocument.counting(0x40, 32), "AES"));
    }

    @Test
    void decryptFollowAndVerifyReadTheVersion1Vector() throws Exception {
        Path file = vector("lse-vector-1");

        CliRun decrypt = withKek("decrypt", file.toString());
        CliRun follow = withKek("cat", "--follow", "--idle-exit", "0.2", "--no-stdin", file.toString());
        CliRun verify = withKek("verify", file.toString());

        assertThat(decrypt.exitCode()).as(decrypt.toString()).isZero();
        assertThat(decrypt.stdout()).isEqualTo("hello\nworld\n");
        assertThat(follow.exitCode()).as(follow.toString()).isZero();
        assertThat(follow.stdout()).isEqualTo(decrypt.stdout());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.stdout()).contains("INTACT");
    }

    @Test
    void inspectShowsTheVersion1CoreAndItsCheckpoints() throws Exception {
        Path file = vector("lse-vector-2");

        CliRun run = CliRun.of("inspect", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains(", format version 1\n").contains("    checkpoint at frame 6 (byte 539)")
                .doesNotContain("closing checkpoint");
    }

    @Test
    void rewrapKeepsTheFileVersion1AndReadableByTheNewReader() throws Exception {
        Path file = vector("lse-vector-1");
        byte[] before = Files.readAllBytes(file);
        ReaderKeyFiles newReader = ReaderKeyFiles.create(dir, "new");

        CliRun rewrap = withKek("rewrap", "--to", newReader.recipient().recipient(), file.toString());

        assertThat(rewrap.exitCode()).as(rewrap.toString()).isZero();
        byte[] after = Files.readAllBytes(file);
        assertThat(after[8]).as("version byte").isEqualTo((byte) 1);
        assertThat(Arrays.copyOf(after, 128)).isEqualTo(Arrays.copyOf(before, 128));
        assertThat(frames(after)).isEqualTo(frames(before));
        CliRun decrypt = CliRun.of("decrypt", "-i", newReader.identityArgument(), file.toString());
        assertThat(decrypt.exitCode()).as(decrypt.toString()).isZero();
        assertThat(decrypt.stdout()).isEqualTo("hello\nworld\n");
    }

    private Path vector(String name) throws Exception {
        Path file = dir.resolve(name + ".lse");
        Files.write(file, FormatDocument.bytes(name));
        return file;
    }

    private CliRun withKek(String command, String... rest) {
        String[] args = new String[rest.length + 7];
        args[0] = command;
        System.arraycopy(new String[] {"--keystore", keystore.toString(), "--alias", "logs", "--password-env", "KS"},
                0, args, 1, 6);
        System.arraycopy(rest, 0, args, 7, rest.length);
        return CliRun.withEnvironment(ENV, args);
    }

    /** The bytes after the core and the key block: every frame. */
    private static byte[] frames(byte[] file) {
        return Arrays.copyOfRange(file, 128 + 4 + ByteBuffer.wrap(file, 128, 4).getInt(), file.length);
    }
}
