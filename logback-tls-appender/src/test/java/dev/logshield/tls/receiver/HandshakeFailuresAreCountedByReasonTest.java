package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that fail before a client is identified are closed and counted in
 * {@code connections.rejected{reason}} by why: plaintext ({@code not-tls}), no client certificate
 * ({@code no-certificate}), a certificate from another CA, expired, or not for client authentication
 * ({@code untrusted-certificate}), a TLS 1.1 ClientHello ({@code protocol}), silence beyond
 * {@code <handshakeTimeout>} ({@code handshake-timeout}), a client that hangs up ({@code handshake-failed}).
 * The clients here are plain JDK TLS clients, so that they can present what LogShield's own would refuse to load.
 */
class HandshakeFailuresAreCountedByReasonTest {

    private static final String NAME = "HandshakeFailuresAreCountedByReasonTest";

    private static final TestPki PKI = SharedPki.get();
    private static TestMeters meters;
    private static LoggerContext context;
    private static int port;

    @BeforeAll
    static void start() {
        meters = TestMeters.register();
        context = ReceiverContexts.configure(NAME, PKI, Map.of("registry", meters.name()));
        port = ReceiverContexts.startedReceiver(context).localPort();
    }

    @AfterAll
    static void stop() {
        context.stop();
        meters.close();
    }

    @Test
    void plaintextIsNotTls() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("<14>1 - host app - - - plaintext syslog\n".repeat(4)
                    .getBytes(StandardCharsets.US_ASCII));
            drain(socket);
        }
        assertRejected("not-tls", "does not speak TLS");
    }

    @Test
    void noCertificate() throws Exception {
        handshake(null);
        assertRejected("no-certificate", "sent no certificate");
    }

    @Test
    void untrustedExpiredOrServerOnlyCertificates() throws Exception {
        for (String client : new String[] {"rogue", "expired", "server-auth-only"}) {
            handshake(PKI.client(client));
        }
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 3, Duration.ofSeconds(5),
                "reason", "untrusted-certificate")).as(meters.describe().toString()).isEqualTo(3);
    }

    @Test
    void tls11IsAProtocolFailure() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(tls11ClientHello());
            drain(socket);
        }
        assertRejected("protocol", "TLS 1.3 and 1.2");
    }

    @Test
    void silenceTimesOut() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            long start = System.nanoTime();
            drain(socket);
            assertThat((System.nanoTime() - start) / 1_000_000).as("closed after the 500 ms handshake timeout")
                    .isBetween(400L, 3_000L);
        }
        assertRejected("handshake-timeout", "within <handshakeTimeout>");
    }

    @Test
    void hangingUpFailsTheHandshake() throws Exception {
        new Socket("127.0.0.1", port).close();
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(5),
                "reason", "handshake-failed")).isGreaterThanOrEqualTo(1);
    }

    private static void assertRejected(String reason, String advice) {
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(5),
                "reason", reason)).as(meters.describe().toString()).isEqualTo(1);
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w)
                .contains("receiver rejected a connection from 127.0.0.1:", "(" + reason + ")", advice));
    }

    /**
     * A JDK client presenting {@code identity}'s key and chain as they are (even when the receiver's CA list does
     * not name their issuer, which the JDK's own key manager would take as a reason to send nothing), or none.
     */
    private static void handshake(TestIdentity identity) throws Exception {
        KeyManager[] keys = null;
        if (identity != null) {
            keys = new KeyManager[] {new X509ExtendedKeyManager() {
                @Override
                public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                    return "client";
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return identity.certificateChain().toArray(X509Certificate[]::new);
                }

                @Override
                public PrivateKey getPrivateKey(String alias) {
                    return identity.privateKey();
                }

                @Override
                public String[] getClientAliases(String keyType, Principal[] issuers) {
                    return new String[] {"client"};
                }

                @Override
                public String[] getServerAliases(String keyType, Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                    return null;
                }
            }};
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", PKI.ca());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys, trust.getTrustManagers(), null);
        Socket tcp = new Socket();
        tcp.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(tcp, "localhost", port, true)) {
            socket.setSoTimeout(5_000);
            try {
                socket.startHandshake();
                socket.getInputStream().read();
            } catch (IOException refused) {
                // expected: the receiver refuses
            }
        }
    }

    private static void drain(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // until the receiver closes
            }
        } catch (IOException reset) {
            // closed with a reset
        }
    }

    /** A TLS 1.1 ClientHello: record version 3.1, client_version 3.2, one RSA suite, no extensions. */
    private static byte[] tls11ClientHello() {
        byte[] body = new byte[2 + 32 + 1 + 2 + 2 + 2];
        int i = 0;
        body[i++] = 3;
        body[i++] = 2;
        i += 32;                      // random (zeros will do)
        body[i++] = 0;                // no session id
        body[i++] = 0;
        body[i++] = 2;                // cipher suites length
        body[i++] = 0x00;
        body[i++] = 0x2f;             // TLS_RSA_WITH_AES_128_CBC_SHA
        body[i++] = 1;                // one compression method
        body[i] = 0;                  // null
        byte[] record = new byte[5 + 4 + body.length];
        record[0] = 0x16;
        record[1] = 3;
        record[2] = 1;
        record[3] = (byte) ((4 + body.length) >> 8);
        record[4] = (byte) (4 + body.length);
        record[5] = 1;                // client_hello
        record[6] = 0;
        record[7] = (byte) (body.length >> 8);
        record[8] = (byte) body.length;
        System.arraycopy(body, 0, record, 9, body.length);
        return record;
    }
}
