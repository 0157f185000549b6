package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the key files OpenSSL itself writes load, each as the same key as its unencrypted PKCS#8 original:
 * {@code genpkey} PKCS#8 (EC, RSA, Ed25519), {@code ecparam -genkey} SEC1 with its EC PARAMETERS block,
 * {@code ec}/{@code rsa -traditional} SEC1/PKCS#1, their {@code -aes256} legacy-encrypted forms, and
 * {@code pkcs8 -topk8} encrypted with PBES2/AES-256, PBES2/scrypt and PKCS#12's PBE-SHA1-3DES. Skipped without
 * an openssl binary.
 */
class OpenSslWrittenKeysLoadTest {

    private static final String PASSWORD = "openssl-pass";

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsOpenSsl() {
        assumeTrue(run("openssl", "version"), "openssl is not installed");
    }

    @Test
    void ecKeysInEveryForm() throws Exception {
        Path pkcs8 = openssl("ec8.pem", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        PrivateKey original = PemFiles.readPrivateKey(pkcs8, null);

        assertSameKey(original, openssl("sec1.pem", "ec", "-in", pkcs8.toString()), null);
        assertSameKey(original, openssl("sec1-enc.pem", "ec", "-in", pkcs8.toString(), "-aes256", "-passout", "pass:" + PASSWORD), PASSWORD);
        assertSameKey(original, openssl("ec8-enc.pem", "pkcs8", "-topk8", "-in", pkcs8.toString(), "-v2", "aes-256-cbc",
                "-passout", "pass:" + PASSWORD), PASSWORD);
        assertSameKey(original, openssl("ec8-scrypt.pem", "pkcs8", "-topk8", "-in", pkcs8.toString(), "-scrypt",
                "-passout", "pass:" + PASSWORD), PASSWORD);
        assertThat(PemFiles.readPrivateKey(openssl("ecparam.pem", "ecparam", "-genkey", "-name", "prime256v1"), null)
                .getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void rsaKeysInEveryForm() throws Exception {
        Path pkcs8 = openssl("rsa8.pem", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
        PrivateKey original = PemFiles.readPrivateKey(pkcs8, null);

        assertSameKey(original, openssl("pkcs1.pem", "rsa", "-in", pkcs8.toString(), "-traditional"), null);
        assertSameKey(original, openssl("pkcs1-enc.pem", "rsa", "-in", pkcs8.toString(), "-traditional", "-aes256",
                "-passout", "pass:" + PASSWORD), PASSWORD);
        assertSameKey(original, openssl("rsa8-3des.pem", "pkcs8", "-topk8", "-in", pkcs8.toString(), "-v1", "PBE-SHA1-3DES",
                "-passout", "pass:" + PASSWORD), PASSWORD);
    }

    @Test
    void ed25519Keys() throws Exception {
        Path pkcs8 = openssl("ed.pem", "genpkey", "-algorithm", "ED25519");
        PrivateKey original = PemFiles.readPrivateKey(pkcs8, null);

        assertThat(original.getAlgorithm()).isEqualTo("EdDSA");
        assertSameKey(original, openssl("ed-enc.pem", "pkcs8", "-topk8", "-in", pkcs8.toString(), "-v2", "aes-256-cbc",
                "-passout", "pass:" + PASSWORD), PASSWORD);
    }

    @Test
    void aWrongPasswordIsNamedForEveryEncryption() throws Exception {
        Path pkcs8 = openssl("wrong8.pem", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        for (Path encrypted : List.of(
                openssl("wrong-legacy.pem", "ec", "-in", pkcs8.toString(), "-aes256", "-passout", "pass:" + PASSWORD),
                openssl("wrong-pbes2.pem", "pkcs8", "-topk8", "-in", pkcs8.toString(), "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD),
                openssl("wrong-scrypt.pem", "pkcs8", "-topk8", "-in", pkcs8.toString(), "-scrypt", "-passout", "pass:" + PASSWORD))) {
            assertThatThrownBy(() -> PemFiles.readPrivateKey(encrypted, "not-it".toCharArray())).isInstanceOf(TlsConfigException.class)
                    .hasMessageStartingWith("cannot decrypt private key " + encrypted + ": wrong password");
        }
    }

    private static void assertSameKey(PrivateKey expected, Path file, String password) throws Exception {
        PrivateKey loaded = PemFiles.readPrivateKey(file, password == null ? null : password.toCharArray());
        assertThat(loaded.getAlgorithm()).as(file.toString()).isEqualTo(expected.getAlgorithm());
        assertThat(KeyMaterialKeys.sameKey(loaded, expected)).as(file.toString()).isTrue();
    }

    private static Path openssl(String output, String... args) {
        Path out = dir.resolve(output);
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        command.addAll(List.of("-out", out.toString()));
        assertThat(run(command.toArray(String[]::new))).as(String.join(" ", command)).isTrue();
        assertThat(Files.exists(out)).isTrue();
        return out;
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
