package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.logshield.tls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves each way a PEM certificate or key file can be unusable has its own message naming the file, and that no
 * message ever quotes the password: missing, a directory, unreadable, empty, text without PEM blocks, binary data,
 * a damaged block, the wrong kind of block, an OpenSSH key, two keys, an encrypted key without or with a wrong
 * password. Also that certificates come back in file order and a DER certificate is read as well.
 */
class PemFileProblemsHaveDistinctMessagesTest {

    private static final char[] WRONG = "wrong-secret-123".toCharArray();

    @TempDir
    static Path pkiDir;

    static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(pkiDir);
    }

    @Test
    void certificatesComeInFileOrderFromAChainOrBundle() throws Exception {
        List<X509Certificate> chain = PemFiles.readCertificates(pki.client("client1").chain());

        assertThat(chain).containsExactly(pki.client("client1").certificate(), pki.ca());
    }

    @Test
    void aDerCertificateIsReadToo() throws Exception {
        Path der = Files.write(dir.resolve("ca.der"), pki.ca().getEncoded());

        assertThat(PemFiles.readCertificates(der)).containsExactly(pki.ca());
    }

    @Test
    void aCombinedFileGivesBothItsCertificateAndItsKey() throws Exception {
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, Files.readString(pki.client("client1").key()) + Files.readString(pki.client("client1").chain()));

        assertThat(PemFiles.readCertificates(combined)).hasSize(2);
        assertThat(PemFiles.readPrivateKey(combined, null).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> PemFiles.readCertificates(missing)).isInstanceOf(TlsConfigException.class)
                .hasMessage("certificate file not found: " + missing);
        assertThatThrownBy(() -> PemFiles.readPrivateKey(missing, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("private key file not found: " + missing);
    }

    @Test
    void aDirectory() {
        assertThatThrownBy(() -> PemFiles.readCertificates(dir)).isInstanceOf(TlsConfigException.class)
                .hasMessage("certificate file " + dir + " is a directory; configure the file itself");
    }

    @Test
    void anUnreadableFile() throws Exception {
        Path key = Files.copy(pki.client("client1").key(), dir.resolve("key.pem"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(key), "running as a user who reads any file (root)");

        assertThatThrownBy(() -> PemFiles.readPrivateKey(key, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("cannot read private key file " + key
                        + ": permission denied; make it readable by the user running the application");
    }

    @Test
    void anEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pem"));

        assertThatThrownBy(() -> PemFiles.readCertificates(empty)).isInstanceOf(TlsConfigException.class)
                .hasMessage("certificate file " + empty + " is empty; expected PEM blocks -----BEGIN CERTIFICATE-----");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(empty, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("private key file " + empty + " is empty; expected a PEM block -----BEGIN PRIVATE KEY-----");
    }

    @Test
    void textWithoutAnyPemBlock() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a certificate\n");

        assertThatThrownBy(() -> PemFiles.readCertificates(text)).isInstanceOf(TlsConfigException.class)
                .hasMessage("no certificate in certificate file " + text
                        + ": expected a PEM block -----BEGIN CERTIFICATE----- and found no PEM block at all");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(text, null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("no private key in " + text + ": expected a PEM block -----BEGIN PRIVATE KEY-----")
                .hasMessageEndingWith("and found no PEM block at all");
    }

    @Test
    void binaryGarbage() throws Exception {
        byte[] noise = new byte[300];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 0x30;
        Path file = Files.write(dir.resolve("noise.bin"), noise);

        assertThatThrownBy(() -> PemFiles.readCertificates(file)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("certificate file " + file + " is binary data that is not a DER certificate");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(file, null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("private key file " + file + " is binary (DER) data, not PEM; convert it with:");
    }

    @Test
    void aDamagedBlock() throws Exception {
        Path cert = Files.writeString(dir.resolve("damaged.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIB!!!!not*base64\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("damaged-key.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemFiles.readCertificates(cert)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("malformed certificate in certificate file " + cert + " (");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(key, null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("malformed PEM in private key file " + key + " (");
    }

    @Test
    void theWrongKindOfBlock() {
        Path key = pki.client("client1").key();
        Path cert = pki.client("client1").cert();

        assertThatThrownBy(() -> PemFiles.readCertificates(key)).isInstanceOf(TlsConfigException.class)
                .hasMessage("no certificate in certificate file " + key
                        + ": expected a PEM block -----BEGIN CERTIFICATE----- and found only PRIVATE KEY");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(cert, null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("no private key in " + cert).hasMessageEndingWith("and found only CERTIFICATE");
    }

    @Test
    void anOpenSshKey() throws Exception {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemFiles.readPrivateKey(key, null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("private key file " + key + " is in OpenSSH's format, which TLS cannot use");
    }

    @Test
    void twoKeysInOneFile() throws Exception {
        Path two = Files.writeString(dir.resolve("two.pem"),
                Files.readString(pki.client("client1").key()) + Files.readString(pki.client("client2").key()));

        assertThatThrownBy(() -> PemFiles.readPrivateKey(two, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("private key file " + two + " holds 2 private keys; keep exactly one key per file");
    }

    @Test
    void anEncryptedKeyWithoutAPassword() {
        for (Path key : List.of(pki.client("client1").encryptedKey(), pki.client("client1").legacyEncryptedKey())) {
            assertThatThrownBy(() -> PemFiles.readPrivateKey(key, null)).isInstanceOf(TlsConfigException.class)
                    .hasMessage("private key " + key + " is encrypted and no password is configured;"
                            + " configure the private key password");
            assertThatThrownBy(() -> PemFiles.readPrivateKey(key, new char[0])).isInstanceOf(TlsConfigException.class)
                    .hasMessageContaining("is encrypted and no password is configured");
        }
    }

    @Test
    void anEncryptedKeyWithTheWrongPasswordNeverQuotesIt() {
        for (Path key : List.of(pki.client("client1").encryptedKey(), pki.client("client1").legacyEncryptedKey())) {
            assertThatThrownBy(() -> PemFiles.readPrivateKey(key, WRONG)).isInstanceOf(TlsConfigException.class)
                    .hasMessage("cannot decrypt private key " + key
                            + ": wrong password (or a damaged file); check the configured private key password")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(new String(WRONG), TestPki.PASSWORD));
        }
    }

    @Test
    void anUnencryptedKeyIgnoresAPassword() throws Exception {
        assertThat(PemFiles.readPrivateKey(pki.client("client1").key(), WRONG).getEncoded())
                .isEqualTo(pki.client("client1").privateKey().getEncoded());
    }

    @Test
    void textAroundBlocksIsIgnored() throws Exception {
        Path annotated = Files.writeString(dir.resolve("annotated.pem"), "Bag Attributes\n    friendlyName: ca\n"
                + Files.readString(pki.caCert(), StandardCharsets.US_ASCII) + "trailing words\n");

        assertThat(PemFiles.readCertificates(annotated)).containsExactly(pki.ca());
    }
}
