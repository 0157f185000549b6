package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.keys.KeystoreKek;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FORMAT.md 4.2 lets a KWP stanza carry an empty alias (alias_len 0: the alias is informational, the kid decides).
 * Our writer always names its stanza after the keystore alias, but a file from another writer (here the format
 * tests' own KWP writer, whose alias is empty) must read the same: decrypt and verify with the matching keystore
 * KEK, and a key error, never tampering, with a KEK that does not match.
 */
class KwpStanzaWithAnEmptyAliasIsReadTest {

    private static final Map<String, String> ENV = Map.of("KS", "empty alias keystore password");

    @TempDir
    Path dir;

    private final byte[] kek = new byte[32];
    private Path file;

    @BeforeEach
    void segmentWrittenWithAnEmptyAlias() throws Exception {
        new SecureRandom().nextBytes(kek);
        file = dir.resolve("other-writer.lse");
        Files.write(file, SegmentFixture.closedSegment(new TestKek(kek, ""), CipherSuite.AES_256_GCM, 3));
        assertThat(CliRun.of("inspect", file.toString()).stdout()).contains("AES key-wrap KEK")
                .doesNotContain("alias \"");
    }

    @Test
    void theMatchingKeystoreKekDecryptsAndVerifiesIt() throws Exception {
        Path keystore = keystore("matching.p12", kek);

        CliRun decrypt = withKeystore("decrypt", keystore);
        CliRun verify = withKeystore("verify", keystore);

        assertThat(decrypt.exitCode()).as(decrypt.toString()).isZero();
        assertThat(decrypt.stdout()).isEqualTo("event 0\nevent 1\nevent 2\n");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.stdout()).contains("INTACT").doesNotContain("TAMPERED");
    }

    @Test
    void anotherKeystoreKekIsAKeyErrorNotTampering() throws Exception {
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        Path keystore = keystore("other.p12", other);

        CliRun verify = withKeystore("verify", keystore);

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.stdout()).contains("KEY").doesNotContain("TAMPERED");
    }

    private Path keystore(String name, byte[] key) throws Exception {
        Path keystore = dir.resolve(name);
        KeystoreKek.create(keystore, ENV.get("KS").toCharArray(), "logs", new SecretKeySpec(key, "AES"));
        return keystore;
    }

    private CliRun withKeystore(String command, Path keystore) {
        return CliRun.withEnvironment(ENV, command, "--keystore", keystore.toString(), "--alias", "logs",
                "--password-env", "KS", file.toString());
    }
}
