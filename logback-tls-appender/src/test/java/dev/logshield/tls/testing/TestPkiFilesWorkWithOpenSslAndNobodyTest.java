package dev.logshield.tls.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the test PKI is what its documentation says, checked by OpenSSL (the tool rsyslog's users and GnuTLS agree
 * with): every leaf verifies against its CA with the right purpose, the rogue client does not verify against the
 * test CA, every key file (encrypted ones with {@link TestPki#PASSWORD}) is read by openssl, the PKCS#12 files open;
 * the expired and not-yet-valid clients have the dates they claim; and a copy made for nobody is readable by user
 * nobody (when this test may switch users).
 */
class TestPkiFilesWorkWithOpenSslAndNobodyTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @Test
    void leavesVerifyAgainstTheirCaWithTheirPurpose() {
        assumeOpenSsl();
        assertThat(openssl("verify", "-CAfile", pki.caCert().toString(), "-purpose", "sslserver", pki.server().cert().toString()).ok).isTrue();
        assertThat(openssl("verify", "-CAfile", pki.caCert().toString(), "-purpose", "sslclient",
                pki.client("client1").cert().toString()).ok).isTrue();
        assertThat(openssl("verify", "-CAfile", pki.caCert().toString(), "-purpose", "sslclient",
                pki.client("client2").cert().toString()).ok).isTrue();
        assertThat(openssl("verify", "-CAfile", pki.caCert().toString(), pki.client("rogue").cert().toString()).ok).isFalse();
        assertThat(openssl("verify", "-CAfile", pki.rogueCaCert().toString(), pki.client("rogue").cert().toString()).ok).isTrue();
        assertThat(openssl("verify", "-CAfile", pki.caCert().toString(), pki.client("expired").cert().toString()).output)
                .contains("certificate has expired");
        assertThat(openssl("verify", "-CAfile", pki.caCert().toString(), "-purpose", "sslclient",
                pki.client("server-auth-only").cert().toString()).ok).isFalse();
        assertThat(openssl("x509", "-in", pki.server().cert().toString(), "-noout", "-ext", "subjectAltName").output)
                .contains("DNS:localhost").contains("IP Address:127.0.0.1");
    }

    @Test
    void everyKeyFileAndPkcs12OpensInOpenSsl() {
        assumeOpenSsl();
        for (String name : TestPki.CLIENTS) {
            for (Path key : pki.client(name).keyFiles().values()) {
                Result result = openssl("pkey", "-in", key.toString(), "-passin", "pass:" + TestPki.PASSWORD, "-noout");
                assertThat(result.ok).as(key + ": " + result.output).isTrue();
            }
            assertThat(Files.exists(pki.client(name).traditionalKey())).isTrue();
            Result p12 = openssl("pkcs12", "-in", pki.client(name).pkcs12().toString(), "-passin", "pass:" + TestPki.PASSWORD,
                    "-noout");
            assertThat(p12.ok).as(p12.output).isTrue();
        }
        assertThat(openssl("pkey", "-in", pki.client("client1").traditionalKey().toString(), "-noout").ok).isTrue();
        assertThat(firstLine(pki.client("client1").traditionalKey())).isEqualTo("-----BEGIN EC PRIVATE KEY-----");
        assertThat(firstLine(pki.client("client1").key())).isEqualTo("-----BEGIN PRIVATE KEY-----");
        assertThat(firstLine(pki.client("client1").encryptedKey())).isEqualTo("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(secondLine(pki.client("client1").legacyEncryptedKey())).isEqualTo("Proc-Type: 4,ENCRYPTED");
    }

    @Test
    void validityDatesAreAsDocumented() {
        Date now = new Date();
        assertThat(pki.client("expired").certificate().getNotAfter()).isBefore(now);
        assertThat(pki.client("not-yet-valid").certificate().getNotBefore()).isAfter(now);
        assertThat(pki.client("client1").certificate().getNotAfter()).isAfter(now);
        assertThat(pki.ca().getSubjectX500Principal().getName()).isEqualTo("CN=LogShield Test CA");
    }

    @Test
    void issuedClientsJoinThePki() {
        TestIdentity extra = pki.issueClient("client3", "client3.test");

        assertThat(pki.client("client3")).isSameAs(extra);
        assertThat(extra.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=client3.test");
        assertThat(extra.certificate().getIssuerX500Principal()).isEqualTo(pki.ca().getSubjectX500Principal());
    }

    @Test
    void aCopyForNobodyIsReadableByNobody() throws Exception {
        assumeTrue(new ProcessBuilder("which", "setpriv").start().waitFor() == 0, "no setpriv");
        assumeTrue("root".equals(System.getProperty("user.name")), "only root may switch to nobody");
        Path target = dir.resolve("rsyslog");

        Path copy = TestPki.copyReadableByNobody(pki.server().key(), target);

        assertThat(Files.getOwner(copy).getName()).isEqualTo("nobody");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("r--------");
        Result cat = run("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "cat", copy.toString());
        assertThat(cat.ok).as(cat.output).isTrue();
        assertThat(cat.output).isEqualTo(Files.readString(pki.server().key()));
    }

    private static String firstLine(Path file) {
        return lines(file).get(0);
    }

    private static String secondLine(Path file) {
        return lines(file).get(1);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assumeOpenSsl() {
        assumeTrue(run("openssl", "version").ok, "openssl is not installed");
    }

    private static Result openssl(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            boolean ok = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
            return new Result(ok, out.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return new Result(false, e.toString());
        }
    }

    private static final class Result {
        final boolean ok;
        final String output;

        Result(boolean ok, String output) {
            this.ok = ok;
            this.output = output;
        }
    }
}
