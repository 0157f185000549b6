package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SNIHostName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves hostname verification is on by default and runs in the handshake (the JDK's endpoint identification via
 * the pinning trust manager's Socket variant): a server certificate for another name from the trusted CA is refused,
 * and accepted when verification is turned off; an IP address is checked against the IP SAN and gets no SNI, a host
 * name is sent as SNI.
 */
class HostnameVerificationChecksTheServerNameTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        TlsClientSettings settings = settings().build();
        SSLContext context = TlsContextFactory.create(settings);

        try (TlsTestServer server = TlsTestServer.builder(pki).identity(pki.otherServer()).start()) {
            assertThatThrownBy(() -> TlsConnections.connect(context, settings, "localhost", server.port()))
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("localhost")
                    .hasCauseInstanceOf(HostnameMismatchException.class);
            assertThat(server.receivedText()).isEmpty();
        }
    }

    @Test
    void turnedOffTheSameCertificateIsAccepted() throws Exception {
        TlsClientSettings settings = settings().hostnameVerification(false).build();

        try (TlsTestServer server = TlsTestServer.builder(pki).identity(pki.otherServer()).start()) {
            TlsConnections.send(TlsContextFactory.create(settings), settings, "localhost", server.port(), "unverified\n");

            server.awaitReceived("unverified\n", Duration.ofSeconds(10));
        }
    }

    @Test
    void anIpAddressIsVerifiedAgainstTheIpSanAndSendsNoSni() throws Exception {
        TlsClientSettings settings = settings().build();
        SSLContext context = TlsContextFactory.create(settings);

        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            TlsConnections.send(context, settings, "127.0.0.1", server.port(), "by address\n");
            TlsConnections.send(context, settings, "localhost", server.port(), "by name\n");

            server.awaitReceived("by name\n", Duration.ofSeconds(10));
            assertThat(server.connections()).extracting(TlsTestServer.Connection::serverName).containsExactly(null, "localhost");
        }
        try (TlsTestServer other = TlsTestServer.builder(pki).identity(pki.otherServer()).start()) {
            assertThatThrownBy(() -> TlsConnections.connect(context, settings, "127.0.0.1", other.port()))
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("127.0.0.1")
                    .hasCauseInstanceOf(HostnameMismatchException.class);
        }
    }

    @Test
    void theParametersSayWhatTheSocketGets() throws Exception {
        TlsClientSettings on = settings().build();
        TlsClientSettings off = settings().hostnameVerification(false).build();
        SSLContext context = TlsContextFactory.create(on);

        SSLParameters byName = TlsContextFactory.parameters(context, on, "logs.example.internal.");
        SSLParameters byIpv6 = TlsContextFactory.parameters(context, on, "[::1]");
        SSLParameters unverified = TlsContextFactory.parameters(context, off, "logs.example.internal");

        assertThat(byName.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(byName.getServerNames()).containsExactly(new SNIHostName("logs.example.internal"));
        assertThat(byIpv6.getServerNames()).isEmpty();
        assertThat(unverified.getEndpointIdentificationAlgorithm()).isNull();
        assertThatThrownBy(() -> TlsContextFactory.parameters(context, on, "bad host!")).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("destination host 'bad host!' is not a valid TLS server name");
    }

    private static TlsClientSettings.Builder settings() {
        return TlsClientSettings.builder().certificate(pki.client("client1").chain()).privateKey(pki.client("client1").key())
                .trustedCertificates(pki.caCert());
    }
}
