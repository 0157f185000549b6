package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves key material is refused when the key does not belong to the leaf (naming the certificate), when the leaf is
 * not first, when the leaf has expired or is not yet valid (with its dates); that a leaf without clientAuth is loaded
 * with a warning; and that {@link KeyMaterial#describe()} names subject, issuer, SANs, expiry and pin.
 */
class KeyMaterialIsCheckedAgainstItsCertificateTest {

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
    void aKeyOfAnotherCertificateIsRefused() {
        Path cert = pki.client("client1").chain();
        Path otherKey = pki.client("client2").key();

        assertThatThrownBy(() -> KeyMaterial.fromPem(cert, otherKey, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("private key " + otherKey + " does not belong to certificate CN=client1.test (certificate file "
                        + cert + "); configure the key issued with this certificate");
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefused() {
        TestPki ed = TestPki.generate(dir.resolve("ed25519"), TestPki.KeyType.ED25519);
        Path cert = pki.client("client1").cert();
        Path edKey = ed.client("client1").key();

        assertThatThrownBy(() -> KeyMaterial.fromPem(cert, edKey, null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("private key " + edKey + " does not belong to certificate CN=client1.test");
    }

    @Test
    void theLeafMustComeFirst() throws Exception {
        Path reversed = dir.resolve("reversed.pem");
        Files.writeString(reversed, Files.readString(pki.caCert()) + Files.readString(pki.client("client1").cert()));
        Path key = pki.client("client1").key();

        assertThatThrownBy(() -> KeyMaterial.fromPem(reversed, key, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("the certificate of private key " + key + " is number 2 in certificate file " + reversed
                        + "; put it first (the leaf, then its intermediates)");
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsDates() {
        TestIdentity expired = pki.client("expired");
        String from = expired.certificate().getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        String to = expired.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS).toString();

        assertThatThrownBy(() -> KeyMaterial.fromPem(expired.chain(), expired.key(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("certificate CN=client1.test (certificate file " + expired.chain() + ") expired on " + to
                        + " (valid from " + from + " to " + to + "); renew it");
    }

    @Test
    void aCertificateNotYetValidIsRefusedWithItsDates() {
        TestIdentity future = pki.client("not-yet-valid");
        String from = future.certificate().getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS).toString();

        assertThatThrownBy(() -> KeyMaterial.fromPem(future.chain(), future.key(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("certificate CN=client1.test (certificate file " + future.chain()
                        + ") is not valid before " + from + " (valid from " + from + " to ")
                .hasMessageEndingWith("; check this host's clock");
    }

    @Test
    void aCertificateWithoutClientAuthLoadsWithAWarning() throws Exception {
        TestIdentity serverOnly = pki.client("server-auth-only");

        KeyMaterial key = KeyMaterial.fromPem(serverOnly.chain(), serverOnly.key(), null);

        assertThat(key.warnings()).singleElement().asString()
                .startsWith("certificate CN=client1.test (certificate file " + serverOnly.chain() + ") does not allow client authentication")
                .contains("extendedKeyUsage=clientAuth");
        assertThat(KeyMaterial.fromPem(pki.client("client1").chain(), pki.client("client1").key(), null).warnings()).isEmpty();
    }

    @Test
    void describeNamesSubjectIssuerSansExpiryAndPin() throws Exception {
        TestIdentity client = pki.client("client1");
        KeyMaterial key = KeyMaterial.fromPem(client.chain(), client.key(), null);

        assertThat(key.describe()).isEqualTo("subject=CN=client1.test; issuer=CN=LogShield Test CA; SAN=DNS:client1.test; notAfter="
                + client.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS) + "; pin=" + client.spkiPin());
        assertThat(key.pin().toString()).isEqualTo(client.spkiPin());
    }

    @Test
    void keyAndCertificateMayShareOneFile() throws Exception {
        Path combined = dir.resolve("client.pem");
        Files.writeString(combined, Files.readString(pki.client("client1").chain()) + Files.readString(pki.client("client1").key()));

        assertThat(KeyMaterial.fromPem(combined, combined, null).chain()).hasSize(2);
        assertThat(KeySource.pem(combined, combined, null).files()).containsExactly(combined);
    }
}
