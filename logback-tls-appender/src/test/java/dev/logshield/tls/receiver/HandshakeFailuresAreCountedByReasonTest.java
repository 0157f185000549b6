package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that fail before a client is identified are closed and counted in
 * {@code connections.rejected{reason}} by why: plaintext ({@code not-tls}), no client certificate
 * ({@code no-certificate}), a certificate from another CA, expired, or not for client authentication
 * ({@code untrusted-certificate}), a TLS 1.1 ClientHello ({@code protocol}), silence beyond
 * {@code <handshakeTimeout>} ({@code handshake-timeout}), a client that hangs up ({@code handshake-failed}).
 * The clients here are plain JDK TLS clients ({@link HostileClients#jdkTls}), so that they can present what
 * LogShield's own would refuse to load.
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
            socket.getOutputStream().write(HostileClients.tls11ClientHello());
            drain(socket);
        }
        assertRejected("protocol", "TLS 1.3 and 1.2");
    }

    @Test
    void silenceTimesOut() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            Hangup hangup = drain(socket);
            assertThat(hangup.closed()).as("%s", hangup).isTrue();
            assertThat(hangup.millis()).as("closed, not before the 500 ms handshake timeout: %s", hangup)
                    .isGreaterThanOrEqualTo(400L);
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
        // the connection's thread counts first, then reports: wait for the report
        Statuses.awaitWarning(context, w -> w.contains("receiver rejected a connection from 127.0.0.1:")
                && w.contains("(" + reason + ")") && w.contains(advice), Duration.ofSeconds(5));
    }

    /** A JDK client presenting {@code identity} as it is, or no certificate; returns once the receiver hung up. */
    private static void handshake(TestIdentity identity) throws Exception {
        try (SSLSocket socket = HostileClients.jdkTls(PKI, identity, null, port)) {
            drain(socket);
        }
    }

    /** Reads until the receiver hangs up; a minute at most, for a busy machine (only a stall nothing ends lasts). */
    private static Hangup drain(Socket socket) throws IOException {
        return Hangup.await(socket, System.nanoTime(), Duration.ofSeconds(60));
    }
}
