package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.KeystoreKek;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.keys.SealVerificationKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keygen --kek} makes an owner-only PKCS#12 keystore holding an AES-256 key, with the password only from
 * the environment or a file (never the command line); {@code keygen --seal} makes the host's owner-only seal state
 * and the auditor's matching verification key line.
 */
class KeygenKekAndSealFilesAreOwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void kekKeystoreIsOwnerOnlyAndOpensWithThePasswordFromTheEnvironment() throws Exception {
        Path keystore = dir.resolve("kek.p12");

        CliRun run = CliRun.withEnvironment(Map.of("KS_PASS", "s3cret pass"), "keygen", "--kek", "--keystore",
                keystore.toString(), "--alias", "ops", "--password-env", "KS_PASS");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith(keystore + ": AES-256 key-encryption key 'ops' (kid ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        SecretKey key = KeystoreKek.load(keystore, "s3cret pass".toCharArray(), "ops");
        assertThat(key.getEncoded()).hasSize(32);
    }

    @Test
    void kekPasswordFromAFileUsesItsFirstLine() throws Exception {
        Path keystore = dir.resolve("kek.p12");
        Path passwordFile = dir.resolve("pass");
        Files.writeString(passwordFile, "from-file\nignored\n");

        CliRun run = CliRun.of("keygen", "--kek", "--keystore", keystore.toString(), "--alias", "ops",
                "--password-file", passwordFile.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(KeystoreKek.load(keystore, "from-file".toCharArray(), "ops").getEncoded()).hasSize(32);
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        Path keystore = dir.resolve("kek.p12");

        CliRun inline = CliRun.of("keygen", "--kek", "--keystore", keystore.toString(), "--alias", "ops",
                "--password=hunter2");
        CliRun unset = CliRun.withEnvironment(Map.of(), "keygen", "--kek", "--keystore", keystore.toString(),
                "--alias", "ops", "--password-env", "NOT_SET");

        assertThat(inline.exitCode()).isEqualTo(2);
        assertThat(inline.stderr()).contains("passwords are never taken from the command line")
                .doesNotContain("hunter2");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.stderr()).isEqualTo("logcrypt: environment variable NOT_SET (--password-env) is not set\n");
        assertThat(keystore).doesNotExist();
    }

    @Test
    void sealStateIsOwnerOnlyAndTheVerificationKeyMatchesIt() throws Exception {
        Path state = dir.resolve("host.seal");

        CliRun run = CliRun.of("keygen", "--seal", "--state", state.toString(), "--interval", "2m");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).matches("LSE-SEAL-VERIFY-1 \\d+ 120 [A-Za-z0-9_-]{43}\n");
        assertThat(run.stderr()).contains("do not keep it on this host");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
        SealVerificationKey auditor = SealVerificationKey.parse(run.stdout());
        SealState host = SealState.load(state);
        assertThat(host.originMs()).isEqualTo(auditor.originMs());
        assertThat(host.currentKey()).isEqualTo(auditor.keyAt(host.currentEpoch()));
    }

    @Test
    void sealVerificationKeyCanGoToAnOwnerOnlyFile() throws Exception {
        Path state = dir.resolve("host.seal");
        Path verifyKey = dir.resolve("auditor.key");

        CliRun run = CliRun.of("keygen", "--seal", "--state", state.toString(), "--verify-key-out",
                verifyKey.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(SealVerificationKey.read(verifyKey).intervalSeconds()).isEqualTo(900);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(verifyKey))).isEqualTo("rw-------");
    }

    @Test
    void intervalMustBeAPositiveDuration() {
        CliRun run = CliRun.of("keygen", "--seal", "--state", dir.resolve("s").toString(), "--interval", "0m");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--interval must be a positive duration");
        assertThat(dir.resolve("s")).doesNotExist();
    }
}
