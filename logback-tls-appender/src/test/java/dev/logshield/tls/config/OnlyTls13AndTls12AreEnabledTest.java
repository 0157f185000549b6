package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the context is a "TLS" context (not logback's TLSv1.2-only "SSL" default) whose sockets enable exactly the
 * configured subset of TLSv1.3/TLSv1.2 although the JDK supports older versions; that a TLSv1.2-only server is
 * reached over TLSv1.2 and refused when only TLSv1.3 is configured; and that configured cipher suites are used, and
 * unknown or unusable ones refused when the context is built.
 */
class OnlyTls13AndTls12AreEnabledTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @Test
    void socketsEnableOnlyTheConfiguredModernProtocols() throws Exception {
        for (List<String> configured : List.of(List.of("TLSv1.3", "TLSv1.2"), List.of("TLSv1.3"), List.of("TLSv1.2"))) {
            TlsClientSettings settings = settings().protocols(configured.toArray(String[]::new)).build();
            SSLContext context = TlsContextFactory.create(settings);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                assertThat(socket.getSupportedProtocols()).contains("TLSv1.1", "TLSv1");

                TlsContextFactory.configure(socket, settings, "localhost");

                assertThat(context.getProtocol()).isEqualTo("TLS");
                assertThat(socket.getEnabledProtocols()).containsExactlyElementsOf(configured);
                assertThat(TlsContextFactory.parameters(context, settings, "localhost").getProtocols())
                        .containsExactlyElementsOf(configured);
            }
        }
    }

    @Test
    void aTls12OnlyServerHandshakesOverTls12() throws Exception {
        TlsClientSettings settings = settings().build();

        try (TlsTestServer server = TlsTestServer.builder(pki).protocols("TLSv1.2").start()) {
            TlsConnections.send(TlsContextFactory.create(settings), settings, "localhost", server.port(), "over 1.2\n");

            server.awaitReceived("over 1.2\n", Duration.ofSeconds(10));
            assertThat(server.connections().get(0).protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void aTls13OnlyClientRefusesATls12OnlyServer() throws Exception {
        TlsClientSettings settings = settings().protocols("TLSv1.3").build();
        SSLContext context = TlsContextFactory.create(settings);

        try (TlsTestServer server = TlsTestServer.builder(pki).protocols("TLSv1.2").start()) {
            assertThatThrownBy(() -> TlsConnections.connect(context, settings, "localhost", server.port()))
                    .isInstanceOf(SSLException.class);
            assertThat(server.awaitConnections(1, Duration.ofSeconds(10)).get(0).accepted()).isFalse();
        }
    }

    @Test
    void configuredCipherSuitesAreTheOnesNegotiated() throws Exception {
        TlsClientSettings tls13 = settings().cipherSuites("TLS_CHACHA20_POLY1305_SHA256").build();
        TlsClientSettings tls12 = settings().protocols("TLSv1.2").cipherSuites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256").build();

        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            TlsConnections.send(TlsContextFactory.create(tls13), tls13, "localhost", server.port(), "a\n");
            TlsConnections.send(TlsContextFactory.create(tls12), tls12, "localhost", server.port(), "b\n");

            List<TlsTestServer.Connection> connections = server.awaitConnections(2, Duration.ofSeconds(10));
            assertThat(connections).extracting(TlsTestServer.Connection::cipherSuite)
                    .containsExactly("TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void unknownOrUnusableCipherSuitesAreRefusedUpFront() throws Exception {
        TlsClientSettings unknown = settings().cipherSuites("TLS_AES_256_GCM_SHA384", "TLS_RSA_WITH_RC4_128_MD5X").build();
        TlsClientSettings mismatched = settings().protocols("TLSv1.2").cipherSuites("TLS_AES_256_GCM_SHA384").build();

        assertThatThrownBy(() -> TlsContextFactory.create(unknown)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("cipher suite 'TLS_RSA_WITH_RC4_128_MD5X' is not supported by this JVM");
        assertThatThrownBy(() -> TlsContextFactory.create(mismatched)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("none of the configured cipher suites (TLS_AES_256_GCM_SHA384) can be used with"
                        + " the configured protocols (TLSv1.2)");
    }

    private static TlsClientSettings.Builder settings() {
        return TlsClientSettings.builder().certificate(pki.client("client1").chain()).privateKey(pki.client("client1").key())
                .trustedCertificates(pki.caCert());
    }
}
