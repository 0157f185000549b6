package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves trust comes only from what is configured (a PEM bundle, a PKCS#12 or JKS trust store, type given or
 * detected), never from the JVM's cacerts: the trust manager accepts exactly the configured issuers, a chain from
 * another CA is refused; and that each trust store problem has its own message.
 */
class TrustMaterialIsExplicitTest {

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
    void aPemBundleTrustsExactlyItsCertificates() throws Exception {
        TrustMaterial trust = TrustMaterial.fromPem(pki.caCert());

        assertThat(trust.anchors()).containsExactly(pki.ca());
        assertThat(trust.trustManager().getAcceptedIssuers()).containsExactly(pki.ca());
        assertThat(trust.describe()).isEqualTo("1 trusted certificate from CA certificate file " + pki.caCert() + ": CN=LogShield Test CA");
        trust.trustManager().checkServerTrusted(chain(pki.server()), "ECDHE_ECDSA");
        assertThatThrownBy(() -> trust.trustManager().checkServerTrusted(chain(pki.rogueServer()), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void theJvmsDefaultCasAreNeverAdded() throws Exception {
        TrustMaterial trust = TrustMaterial.fromPem(pki.rogueCaCert());

        assertThat(trust.trustManager().getAcceptedIssuers()).containsExactly(rogueCa());
        assertThatThrownBy(() -> trust.trustManager().checkServerTrusted(chain(pki.server()), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void pkcs12AndJksTrustStoresWithTypeGivenOrDetected() throws Exception {
        for (String type : new String[] {null, "PKCS12", "pkcs12"}) {
            assertThat(TrustMaterial.fromTrustStore(pki.truststore(), type, TestPki.password()).anchors()).containsExactly(pki.ca());
        }
        for (String type : new String[] {null, "JKS", " jks "}) {
            assertThat(TrustMaterial.fromTrustStore(pki.jksTruststore(), type, TestPki.password()).anchors()).containsExactly(pki.ca());
        }
    }

    @Test
    void trustStoreProblemsHaveDistinctMessages() throws Exception {
        Path p12 = pki.truststore();
        Path jks = pki.jksTruststore();
        Path keysOnly = pki.client("client1").pkcs12();

        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(p12, null, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("no password configured for trust store " + p12
                        + "; configure the trust store password (LogShield has no default password)");
        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(p12, null, "nope".toCharArray())).isInstanceOf(TlsConfigException.class)
                .hasMessage("wrong password for trust store " + p12);
        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(jks, null, "nope".toCharArray())).isInstanceOf(TlsConfigException.class)
                .hasMessage("wrong password for trust store " + jks);
        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(p12, "BKS", TestPki.password())).isInstanceOf(TlsConfigException.class)
                .hasMessage("trust store type 'BKS' is not supported; use PKCS12 or JKS");
        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(keysOnly, null, TestPki.password())).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("trust store " + keysOnly + " holds no trusted certificate (only private key entries: client1);"
                        + " import the CA with: keytool -importcert");
        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(pki.caCert(), null, TestPki.password())).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("trust store " + pki.caCert() + " is a PEM file, not a PKCS#12 or JKS key store;"
                        + " configure PEM files as the trusted certificates (CA bundle)");
        Path missing = dir.resolve("none.p12");
        assertThatThrownBy(() -> TrustMaterial.fromTrustStore(missing, null, TestPki.password())).isInstanceOf(TlsConfigException.class)
                .hasMessage("trust store not found: " + missing);
    }

    @Test
    void aCaBundleProblemNamesTheBundle() throws Exception {
        Path missing = dir.resolve("ca.pem");
        Path keyOnly = pki.client("client1").key();

        assertThatThrownBy(() -> TrustMaterial.fromPem(missing)).isInstanceOf(TlsConfigException.class)
                .hasMessage("CA certificate file not found: " + missing);
        assertThatThrownBy(() -> TrustMaterial.fromPem(keyOnly)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("no certificate in CA certificate file " + keyOnly);
    }

    @Test
    void aBundleOfSeveralCasTrustsEach() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(pki.caCert()) + Files.readString(pki.rogueCaCert()));

        TrustMaterial trust = TrustMaterial.fromPem(bundle);

        trust.trustManager().checkServerTrusted(chain(pki.server()), "ECDHE_ECDSA");
        trust.trustManager().checkServerTrusted(chain(pki.rogueServer()), "ECDHE_ECDSA");
        assertThat(trust.describe()).startsWith("2 trusted certificates from CA certificate file " + bundle);
    }

    private static X509Certificate[] chain(TestIdentity identity) {
        return identity.certificateChain().toArray(X509Certificate[]::new);
    }

    private static X509Certificate rogueCa() throws Exception {
        return PemFiles.readCertificates(pki.rogueCaCert()).get(0);
    }
}
