package dev.logshield.tls.receiver;

import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A hand-driven TLS client for receiver tests: connect with a test identity, write exact bytes, watch for a close. */
public final class RawTlsClient implements AutoCloseable {

    private final Socket tcp;
    private final SSLSocket socket;

    private RawTlsClient(Socket tcp, SSLSocket socket) {
        this.tcp = tcp;
        this.socket = socket;
    }

    /** Connects to 127.0.0.1:{@code port} as {@code identity} and completes the client's side of the handshake. */
    public static RawTlsClient connect(TestPki pki, TestIdentity identity, int port) throws Exception {
        return connect(pki, identity, port, null);
    }

    /**
     * Connects from the local address {@code from} (any loopback address, 127.0.0.2...; {@code null} for the
     * system's choice) to 127.0.0.1:{@code port} as {@code identity}, and completes the client's side of the
     * handshake.
     */
    static RawTlsClient connect(TestPki pki, TestIdentity identity, int port, InetAddress from) throws Exception {
        return connect(pki.caCert(), identity.chain(), identity.key(), port, from);
    }

    /** As {@link #connect(TestPki, TestIdentity, int, InetAddress)}, from the PEM files of a test identity and CA. */
    static RawTlsClient connect(Path caCert, Path chain, Path key, int port, InetAddress from) throws Exception {
        TlsClientSettings settings = TlsClientSettings.builder().certificate(chain).privateKey(key)
                .trustedCertificates(caCert).build();
        SSLContext context = TlsContextFactory.create(settings);
        Socket tcp = new Socket();
        if (from != null) {
            tcp.bind(new InetSocketAddress(from, 0));
        }
        try {
            tcp.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, "127.0.0.1", port, true);
            TlsContextFactory.configure(tls, settings, "127.0.0.1");
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            return new RawTlsClient(tcp, tls);
        } catch (Exception | Error e) {
            tcp.close();
            throw e;
        }
    }

    SSLSocket socket() {
        return socket;
    }

    /** Writes {@code text} (UTF-8) and flushes. */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** An RFC 5424 message as octet-counted frame: logger in MSGID, severity 6 (INFO). */
    static String octetCounted(String logger, String message) {
        return octetCounted(14, logger, message);
    }

    /** An RFC 5424 message with priority {@code pri} (facility user: 11 ERROR, 12 WARN, 14 INFO, 15 DEBUG). */
    static String octetCounted(int pri, String logger, String message) {
        String syslog = "<" + pri + ">1 - test-host test-app - " + logger + " - " + message;
        return syslog.getBytes(StandardCharsets.UTF_8).length + " " + syslog;
    }

    /** A RELP command frame, {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}. */
    public static String relp(int txnr, String command, String data) {
        int length = data.getBytes(StandardCharsets.UTF_8).length;
        return txnr + " " + command + " " + length + (length > 0 ? " " + data : "") + "\n";
    }

    /**
     * Reads one RELP frame the server sends and returns it as {@code TXNR COMMAND DATA} (no DATALEN, no trailer).
     *
     * @throws IOException when the connection ends or nothing comes within {@code millis}
     */
    public String readRelp(int millis) throws IOException {
        socket.setSoTimeout(millis);
        java.io.InputStream in = socket.getInputStream();
        String txnr = token(in);
        String command = token(in);
        StringBuilder length = new StringBuilder();
        int b;
        while ((b = in.read()) >= '0' && b <= '9') {
            length.append((char) b);
        }
        int n = Integer.parseInt(length.toString());
        byte[] data = new byte[0];
        if (n > 0) {
            data = in.readNBytes(n);
            b = in.read();
        }
        if (b != '\n') {
            throw new IOException("no LF after the frame: " + b);
        }
        return txnr + " " + command + " " + new String(data, StandardCharsets.UTF_8);
    }

    private static String token(java.io.InputStream in) throws IOException {
        StringBuilder token = new StringBuilder();
        for (int b = in.read(); b != ' '; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed after '" + token + "'");
            }
            token.append((char) b);
        }
        return token.toString();
    }

    /** Whether the server closed or failed the connection within {@code millis} (EOF, an alert or a reset). */
    boolean closedByServer(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether the server refuses {@code identity} within {@code millis}: connects, writes {@code frame} and waits for
     * the close. A refusal during the handshake (a certificate the server's trust manager rejects, e.g. revoked)
     * counts too: under TLS 1.3 it can reach the client as an alert or a reset while it is still sending its last
     * handshake message, or with its first write.
     */
    static boolean refuses(TestPki pki, TestIdentity identity, int port, String frame, int millis) throws Exception {
        RawTlsClient client;
        try {
            client = connect(pki, identity, port);
        } catch (IOException refusedDuringTheHandshake) {
            return true;
        }
        try (client) {
            try {
                client.write(frame);
            } catch (IOException refused) {
                return true;
            }
            return client.closedByServer(millis);
        }
    }

    /** Reads what the server sends until {@code expected} bytes or {@code millis} pass. */
    String read(int expected, int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buffer = new byte[expected];
        int n = 0;
        try {
            while (n < expected) {
                int r = socket.getInputStream().read(buffer, n, expected - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (SocketTimeoutException e) {
            // what came within the time
        }
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Ends the connection the way a client that exits with bytes it never read does (rsyslog's omfwd leaves the TLS
     * 1.3 session tickets unread): a TCP reset, without TLS close_notify.
     */
    void reset() throws IOException {
        tcp.setSoLinger(true, 0);
        tcp.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
