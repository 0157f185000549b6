package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the host's seal state: it is created owner-only and never over an existing file, each advance persists
 * the new epoch atomically (nothing left in {@code .tmp}, mode 0600) and leaves no earlier key in the file or in
 * memory, it never goes back, a failed write leaves the old epoch in force, and loading refuses group- or
 * world-accessible and malformed files.
 */
class SealStateTest {

    private static final long ORIGIN = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void createsAnOwnerOnlyStateAtEpochZeroWithTheAuditorsKey() throws Exception {
        Path file = dir.resolve("seal.state");

        SealState.Created created = SealState.create(file, ORIGIN, 300, random);

        SealState state = created.state();
        assertThat(state.currentEpoch()).isZero();
        assertThat(state.currentKey()).isEqualTo(created.verificationKey().keyAt(0));
        assertThat(created.verificationKey().originMs()).isEqualTo(ORIGIN);
        assertThat(created.verificationKey().intervalSeconds()).isEqualTo(300);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).containsExactly("LSE-SEAL-STATE-1", "origin=" + ORIGIN, "interval=300",
                "chain=" + java.util.HexFormat.of().formatHex(created.verificationKey().chainId()), "epoch=0",
                "key=" + b64(state.currentKey()));
        assertThat(state.chainId()).isEqualTo(created.verificationKey().chainId());
    }

    @Test
    void neverCreatesOverAnExistingFile() throws Exception {
        Path file = dir.resolve("seal.state");
        SealState.create(file, ORIGIN, 60, random);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SealState.create(file, ORIGIN, 60, random))
                .isInstanceOf(KeyMaterialException.class).hasMessage("seal state " + file + " already exists; refusing to overwrite it");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void advancingPersistsTheNewEpochAndKeepsNoEarlierKey() throws Exception {
        Path file = dir.resolve("seal.state");
        SealState.Created created = SealState.create(file, ORIGIN, 60, random);
        SealState state = created.state();
        byte[] liveBefore = state.liveKeyArray();

        state.advanceTo(5);

        String content = Files.readString(file, StandardCharsets.US_ASCII);
        for (long t = 0; t < 5; t++) {
            assertThat(content).as("S_%d in the file", t).doesNotContain(b64(created.verificationKey().keyAt(t)));
        }
        assertThat(liveBefore).as("the old key array is zeroed").containsOnly(0);
        assertThat(content).contains("epoch=5\n", "key=" + b64(created.verificationKey().keyAt(5)) + "\n");
        assertThat(state.currentEpoch()).isEqualTo(5);
        assertThat(state.currentKey()).isEqualTo(created.verificationKey().keyAt(5));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.exists(PrivateFiles.temporaryFor(file))).isFalse();
        SealState reloaded = SealState.load(file);
        assertThat(reloaded.currentEpoch()).isEqualTo(5);
        assertThat(reloaded.currentKey()).isEqualTo(state.currentKey());
        assertThat(reloaded.originMs()).isEqualTo(ORIGIN);
        assertThat(reloaded.intervalSeconds()).isEqualTo(60);
    }

    @Test
    void neverGoesBack() throws Exception {
        Path file = dir.resolve("seal.state");
        SealState state = SealState.create(file, ORIGIN, 60, random).state();
        state.advanceTo(3);
        byte[] content = Files.readAllBytes(file);
        byte[] key = state.currentKey();

        state.advanceTo(3);
        assertThatThrownBy(() -> state.advanceTo(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go back");

        assertThat(state.currentEpoch()).isEqualTo(3);
        assertThat(state.currentKey()).isEqualTo(key);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void aStaleTemporaryFileFromACrashIsReplaced() throws Exception {
        Path file = dir.resolve("seal.state");
        SealState state = SealState.create(file, ORIGIN, 60, random).state();
        Path tmp = PrivateFiles.temporaryFor(file);
        Files.writeString(tmp, "half-written junk");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-rw-rw-"));

        state.advanceTo(1);

        assertThat(tmp).doesNotExist();
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(SealState.load(file).currentEpoch()).isEqualTo(1);
    }

    @Test
    void aFailedWriteLeavesTheOldEpochInForce() throws Exception {
        Path file = dir.resolve("seal.state");
        SealState state = SealState.create(file, ORIGIN, 60, random).state();
        byte[] key = state.currentKey();
        byte[] content = Files.readAllBytes(file);
        // a non-empty directory where the temporary file goes cannot be removed, even by root
        Files.createDirectories(PrivateFiles.temporaryFor(file).resolve("blocker"));

        assertThatThrownBy(() -> state.advanceTo(4)).isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("cannot persist seal state").hasMessageContaining("stays at epoch 0");

        assertThat(state.currentEpoch()).isZero();
        assertThat(state.currentKey()).isEqualTo(key);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void refusesAStateFileOthersCanRead() throws Exception {
        Path file = dir.resolve("seal.state");
        SealState.create(file, ORIGIN, 60, random);

        for (String mode : List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw--w----")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> SealState.load(file)).as(mode)
                    .isInstanceOf(KeyMaterialException.class)
                    .hasMessage("seal state " + file + " is accessible to group or others (mode " + mode
                            + "); refusing to use it: run chmod 600 " + file);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(SealState.load(file).currentEpoch()).isZero();
    }

    @Test
    void refusesMissingAndMalformedFilesWithoutQuotingTheKey() throws Exception {
        String key = b64(new byte[32]).replace('A', 'k');
        assertThatThrownBy(() -> SealState.load(dir.resolve("missing.state")))
                .isInstanceOf(KeyMaterialException.class).hasMessage("seal state not found: " + dir.resolve("missing.state"));
        String good = "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=2\nkey=" + key + "\n";
        assertThat(SealState.load(stateFile("good", good)).currentEpoch()).isEqualTo(2);

        List<String> malformed = List.of(
                "",
                "LSE-SEAL-STATE-2\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=2\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=two\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=0\nchain=0123456789abcdef\nepoch=2\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=-2\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\ninterval=60\norigin=0\nchain=0123456789abcdef\nepoch=2\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=2\nkey=" + key.substring(1) + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=2\nkey=" + key + "=\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123456789abcdef\nepoch=2\nsecret=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=0123\nepoch=2\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nchain=not-hex-at-all!\nepoch=2\nkey=" + key + "\n",
                "LSE-SEAL-STATE-1\norigin=0\ninterval=60\nepoch=2\nkey=" + key + "\n");
        for (int i = 0; i < malformed.size(); i++) {
            Path file = stateFile("bad" + i, malformed.get(i));
            assertThatThrownBy(() -> SealState.load(file)).as(malformed.get(i))
                    .isInstanceOf(KeyMaterialException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageNotContaining(key.substring(0, 20));
        }
    }

    private Path stateFile(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".state"), content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String b64(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
