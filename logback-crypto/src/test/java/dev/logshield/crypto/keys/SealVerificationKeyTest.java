package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the auditor's verification key: its one-line text form round-trips through strings and files, malformed
 * lines are refused without quoting the key, and {@code keyAt} gives S_t for any order of epochs.
 */
class SealVerificationKeyTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void formatsAsOneLineAndParsesBack() throws Exception {
        byte[] s0 = bytes(32);
        SealVerificationKey key = new SealVerificationKey(1_700_000_000_000L, 300, s0);

        String line = key.format();

        assertThat(line).isEqualTo("LSE-SEAL-VERIFY-1 1700000000000 300 " + Base64.getUrlEncoder().withoutPadding().encodeToString(s0));
        SealVerificationKey parsed = SealVerificationKey.parse(line);
        assertThat(parsed.originMs()).isEqualTo(1_700_000_000_000L);
        assertThat(parsed.intervalSeconds()).isEqualTo(300);
        assertThat(parsed.keyAt(0)).isEqualTo(s0);
        assertThat(parsed.toString()).doesNotContain(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void writesAnOwnerOnlyFileThatReadsBackAndIsNeverOverwritten() throws Exception {
        SealVerificationKey key = new SealVerificationKey(0, 60, bytes(32));
        Path file = dir.resolve("audit.key");

        key.write(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SealVerificationKey.read(file).format()).isEqualTo(key.format());
        assertThatThrownBy(() -> key.write(file)).isInstanceOf(KeyMaterialException.class).hasMessageContaining("already exists");
    }

    @Test
    void readsAFileWithCommentsAroundTheKeyLine() throws Exception {
        SealVerificationKey key = new SealVerificationKey(5, 60, bytes(32));
        Path file = Files.writeString(dir.resolve("audit.key"), "# auditor copy, host web-1\n\n" + key.format() + "\n\n");

        assertThat(SealVerificationKey.read(file).keyAt(9)).isEqualTo(key.keyAt(9));
    }

    @Test
    void aFileMustHoldExactlyOneKeyLine() throws Exception {
        String line = new SealVerificationKey(5, 60, bytes(32)).format();
        Path two = Files.writeString(dir.resolve("two.key"), line + "\n" + line + "\n");
        Path none = Files.writeString(dir.resolve("none.key"), "# nothing\n");

        assertThatThrownBy(() -> SealVerificationKey.read(two)).hasMessageContaining("exactly one").hasMessageContaining("found 2");
        assertThatThrownBy(() -> SealVerificationKey.read(none)).hasMessageContaining("found 0");
        assertThatThrownBy(() -> SealVerificationKey.read(dir.resolve("missing.key")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "LSE-SEAL-VERIFY-2 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "LSE-SEAL-VERIFY-1 0 60",
        "LSE-SEAL-VERIFY-1 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA extra",
        "LSE-SEAL-VERIFY-1 zero 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "LSE-SEAL-VERIFY-1 -1 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "LSE-SEAL-VERIFY-1 0 0 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "LSE-SEAL-VERIFY-1 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "LSE-SEAL-VERIFY-1 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "LSE-SEAL-VERIFY-1 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
        "LSE-SEAL-VERIFY-1 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+A",
        "LSE-SEAL-VERIFY-1 0 60 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*AA"
    })
    void refusesMalformedLinesWithoutQuotingTheKey(String line) {
        assertThatThrownBy(() -> SealVerificationKey.parse(line))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageNotContaining("AAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void keyAtGivesTheEvolvedKeyInAnyOrder() {
        byte[] s0 = bytes(32);
        SealVerificationKey key = new SealVerificationKey(0, 1, s0);

        for (long t : new long[] {0, 1, 2, 10, 10, 50, 3, 0, 1000, 999}) {
            assertThat(key.keyAt(t)).as("epoch %d", t).isEqualTo(SealKeyChain.evolve(s0, 0, t));
        }
        assertThatThrownBy(() -> key.keyAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
