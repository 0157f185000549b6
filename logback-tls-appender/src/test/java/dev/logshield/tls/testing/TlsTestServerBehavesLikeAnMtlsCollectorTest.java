package dev.logshield.tls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the test server does what the suites rely on, with plain JDK clients: it records bytes and connections;
 * under TLS 1.3 a client outside the allow-list completes its own handshake and is then closed (as by rsyslog), so
 * its read sees end-of-stream and nothing it wrote is recorded; a client of another CA is refused in the handshake;
 * stop closes open connections and restart listens on the same port again.
 */
class TlsTestServerBehavesLikeAnMtlsCollectorTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @Test
    void recordsBytesAndConnectionsOfAllowedClients() throws Exception {
        try (TlsTestServer server = TlsTestServer.builder(pki).allowedClients("client1.test").start();
                SSLSocket socket = connect(pki.client("client1"), server)) {
            write(socket, "line one\nline two\n");

            server.awaitReceived("line two\n", Duration.ofSeconds(10));
            TlsTestServer.Connection connection = server.connections().get(0);
            assertThat(connection.accepted()).isTrue();
            assertThat(connection.peerNames()).containsExactly("client1.test");
            assertThat(connection.protocol()).isEqualTo("TLSv1.3");
            assertThat(connection.serverName()).as("a plain JDK client sends no SNI for a name without a dot").isNull();
            assertThat(connection.bytesReceived()).isEqualTo(18);
            assertThat(server.receivedText()).isEqualTo("line one\nline two\n");
        }
    }

    @Test
    void anUnlistedClientIsClosedAfterItsTls13Handshake() throws Exception {
        try (TlsTestServer server = TlsTestServer.builder(pki).allowedClients("client1.test").start();
                SSLSocket socket = connect(pki.client("client2"), server)) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            write(socket, "dropped\n");

            assertThat(readsEndOfStream(socket)).isTrue();
            TlsTestServer.Connection connection = server.awaitConnections(1, Duration.ofSeconds(10)).get(0);
            assertThat(connection.accepted()).isFalse();
            assertThat(connection.peer()).isEqualTo("client2.test");
            assertThat(connection.failure()).isEqualTo("client [client2.test] is not in the allow-list [client1.test]");
            assertThat(server.receivedText()).isEmpty();
        }
    }

    @Test
    void aClientOfAnotherCaIsRefusedInTheHandshake() throws Exception {
        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            try (SSLSocket socket = connect(pki.client("rogue"), server)) {
                write(socket, "rogue\n");
                assertThat(readsEndOfStream(socket)).isTrue();
            } catch (IOException refusedAlready) {
                // depending on timing the alert arrives during the client's handshake
            }

            TlsTestServer.Connection connection = server.awaitConnections(1, Duration.ofSeconds(10)).get(0);
            assertThat(connection.accepted()).isFalse();
            assertThat(connection.failure()).contains("SSLHandshakeException");
            assertThat(server.receivedText()).isEmpty();
        }
    }

    @Test
    void stopClosesConnectionsAndRestartListensOnTheSamePort() throws Exception {
        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            int port = server.port();
            SSLSocket first = connect(pki.client("client1"), server);
            write(first, "before\n");
            server.awaitReceived("before\n", Duration.ofSeconds(10));

            server.stop();
            assertThat(readsEndOfStream(first)).isTrue();
            first.close();
            server.restart();

            assertThat(server.port()).isEqualTo(port);
            try (SSLSocket second = connect(pki.client("client1"), server)) {
                write(second, "after\n");
                server.awaitReceived("after\n", Duration.ofSeconds(10));
            }
            assertThat(server.receivedText()).isEqualTo("before\nafter\n");
            assertThat(server.connections()).hasSize(2);
        }
    }

    @Test
    void aTls12OnlyServerNegotiatesTls12() throws Exception {
        try (TlsTestServer server = TlsTestServer.builder(pki).protocols("TLSv1.2").start();
                SSLSocket socket = connect(pki.client("client1"), server)) {
            write(socket, "x");

            List<TlsTestServer.Connection> connections = server.awaitConnections(1, Duration.ofSeconds(10));
            assertThat(connections.get(0).protocol()).isEqualTo("TLSv1.2");
        }
    }

    private static SSLSocket connect(TestIdentity client, TlsTestServer server) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", client.privateKey(), TestPki.password(), client.certificateChain().toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, TestPki.password());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.ca());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private static void write(SSLSocket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static boolean readsEndOfStream(SSLSocket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException closedWithAnAlert) {
            return true;
        }
    }
}
