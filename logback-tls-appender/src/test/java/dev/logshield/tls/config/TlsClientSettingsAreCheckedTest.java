package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Proves the settings refuse what cannot work or is ambiguous, each with its own message: no client key, no trust
 * (and no fallback to the JVM's CAs), both forms of one, half of a form, a store without its password, settings of
 * one form given to the other, protocols other than TLSv1.3/TLSv1.2; and that defaults are TLSv1.3 + TLSv1.2 with
 * hostname verification on, and no password ever shows in {@code toString()}.
 */
class TlsClientSettingsAreCheckedTest {

    private static final Path CERT = Path.of("/etc/app/client.pem");
    private static final Path KEY = Path.of("/etc/app/client.key");
    private static final Path CA = Path.of("/etc/app/ca.pem");
    private static final Path P12 = Path.of("/etc/app/client.p12");
    private static final Path TRUST = Path.of("/etc/app/trust.p12");

    @Test
    void defaultsAreTls13AndTls12WithHostnameVerification() throws Exception {
        TlsClientSettings settings = TlsClientSettings.builder().certificate(CERT).privateKey(KEY).trustedCertificates(CA).build();

        assertThat(settings.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(settings.hostnameVerification()).isTrue();
        assertThat(settings.pins().isEmpty()).isTrue();
        assertThat(settings.cipherSuites()).isEmpty();
        assertThat(settings.files()).containsExactly(CERT, KEY, CA);
    }

    @Test
    void protocolsAreASubsetOfTls13AndTls12InPreferenceOrder() throws Exception {
        assertThat(base().protocols("TLSv1.2, tlsv1.3").build().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(base().protocols("TLSv1.2").build().protocols()).containsExactly("TLSv1.2");
        for (String old : new String[] {"TLSv1.1", "TLSv1", "SSLv3", "TLS"}) {
            assertThatThrownBy(() -> base().protocols("TLSv1.3", old).build()).isInstanceOf(TlsConfigException.class)
                    .hasMessage("protocol '" + old + "' is not allowed: LogShield speaks only TLSv1.3 and TLSv1.2");
        }
    }

    @Test
    void noClientKeyOrNoTrustIsRefused() {
        assertThatThrownBy(() -> TlsClientSettings.builder().trustedCertificates(CA).build()).isInstanceOf(TlsConfigException.class)
                .hasMessage("no client certificate configured: configure certificate and privateKey (PEM files) or keyStore"
                        + " (PKCS#12); the server requires mutual TLS");
        assertThatThrownBy(() -> TlsClientSettings.builder().certificate(CERT).privateKey(KEY).build()).isInstanceOf(TlsConfigException.class)
                .hasMessage("no trusted CA configured: configure trustedCertificates (a PEM CA bundle) or a trust store;"
                        + " LogShield never falls back to the JVM's default CA certificates");
    }

    @Test
    void halfOfAFormIsRefused() {
        assertThatThrownBy(() -> TlsClientSettings.builder().certificate(CERT).trustedCertificates(CA).build())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("certificate " + CERT + " is configured without its private key; configure the private key (PEM)");
        assertThatThrownBy(() -> TlsClientSettings.builder().privateKey(KEY).trustedCertificates(CA).build())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("private key " + KEY + " is configured without its certificate; configure the certificate (PEM, leaf first)");
        assertThatThrownBy(() -> TlsClientSettings.builder().keyStore(P12).trustedCertificates(CA).build())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("key store " + P12 + " is configured without its password; configure the key store password"
                        + " (LogShield has no default password)");
        assertThatThrownBy(() -> base().trustedCertificates(null).trustStore(TRUST).build())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("trust store " + TRUST + " is configured without its password; configure the trust store password"
                        + " (LogShield has no default password)");
    }

    @Test
    void bothFormsOrMisplacedSettingsAreRefused() {
        assertThatThrownBy(() -> base().keyStore(P12).keyStorePassword("x".toCharArray()).build())
                .isInstanceOf(TlsConfigException.class).hasMessageStartingWith("both PEM files (certificate/privateKey) and a key store");
        assertThatThrownBy(() -> base().trustStore(TRUST).trustStorePassword("x".toCharArray()).build())
                .isInstanceOf(TlsConfigException.class).hasMessageStartingWith("both trusted certificates (PEM) and a trust store");
        assertThatThrownBy(() -> base().keyAlias("client").build())
                .isInstanceOf(TlsConfigException.class).hasMessageStartingWith("a key alias or key store password is configured without a key store");
        assertThatThrownBy(() -> base().trustStoreType("JKS").build())
                .isInstanceOf(TlsConfigException.class).hasMessage("a trust store password or type is configured without a trust store");
        assertThatThrownBy(() -> TlsClientSettings.builder().keyStore(P12).keyStorePassword("x".toCharArray())
                .privateKeyPassword("y".toCharArray()).trustedCertificates(CA).build())
                .isInstanceOf(TlsConfigException.class).hasMessageStartingWith("a private key password is configured with a key store");
    }

    @Test
    void passwordsNeverShow() throws Exception {
        TlsClientSettings pem = base().privateKeyPassword("pem-secret".toCharArray()).pins(
                "sha256/YLh1dUR9y6Kja30RrAn7JKnbQG/uEtLMkBgFF2Fuihg=").build();
        TlsClientSettings stores = TlsClientSettings.builder().keyStore(P12).keyStorePassword("p12-secret".toCharArray())
                .keyAlias("client").trustStore(TRUST).trustStorePassword("trust-secret".toCharArray()).hostnameVerification(false)
                .cipherSuites("TLS_AES_256_GCM_SHA384").build();

        assertThat(pem.toString()).doesNotContain("secret")
                .isEqualTo("key: certificate " + CERT + " with private key " + KEY + " (encrypted); trust: CA certificates " + CA
                        + "; protocols: TLSv1.3,TLSv1.2; hostname verification: on; pins: sha256/YLh1dUR9y6Kja30RrAn7JKnbQG/uEtLMkBgFF2Fuihg=");
        assertThat(stores.toString()).doesNotContain("secret")
                .isEqualTo("key: PKCS#12 key store " + P12 + " entry 'client'; trust: trust store " + TRUST
                        + "; protocols: TLSv1.3,TLSv1.2; cipher suites: TLS_AES_256_GCM_SHA384; hostname verification: off");
        assertThat(stores.files()).containsExactly(P12, TRUST);
    }

    @Test
    void aPasswordArrayChangedLaterDoesNotChangeTheSettings() throws Exception {
        char[] password = "p12-secret".toCharArray();
        TlsClientSettings.Builder builder = TlsClientSettings.builder().keyStore(P12).keyStorePassword(password).trustedCertificates(CA);
        java.util.Arrays.fill(password, 'x');

        // the key source still holds the original: it loads with it (and fails only because the file is absent)
        assertThatThrownBy(() -> builder.build().keySource().load()).isInstanceOf(TlsConfigException.class)
                .hasMessage("key store not found: " + P12);
    }

    private static TlsClientSettings.Builder base() {
        return TlsClientSettings.builder().certificate(CERT).privateKey(KEY).trustedCertificates(CA);
    }
}
