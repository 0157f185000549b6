package dev.logshield.tls.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An in-JVM mutual-TLS server for tests, built only on the JDK (independent of the code under test): it requires
 * a client certificate from its trusted CAs, optionally enforces an allow-list of client names AFTER the handshake
 * by closing the connection (what rsyslog's {@code permittedPeer} does under TLS 1.3, where the client has already
 * finished its handshake), records every connection and every byte received, and can be stopped and restarted on
 * the same port.
 * <pre>
 * TestPki pki = TestPki.generate(tempDir);
 * try (TlsTestServer server = TlsTestServer.builder(pki).allowedClients("client1.test").start()) {
 *     ... connect to "localhost", server.port() ...
 *     server.awaitReceived("hello\n", Duration.ofSeconds(5));
 *     assertThat(server.connections().get(0).peer()).isEqualTo("client1.test");
 *     server.stop(); ... server.restart();
 * }
 * </pre>
 * Defaults: identity {@link TestPki#server()} (CN=localhost), trusts the test CA, protocols TLSv1.3 and TLSv1.2,
 * every client the CA vouches for, bound to the loopback address on a free port. Thread-safe.
 */
public final class TlsTestServer implements AutoCloseable {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final SSLContext context;
    private final List<String> protocols;
    private final Set<String> allowedClients;
    private final boolean needClientAuth;
    private final InetAddress address;
    private final Object lock = new Object();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Connection> connections = new ArrayList<>();
    private final Set<Socket> open = new LinkedHashSet<>();
    private SSLServerSocket serverSocket;
    private Thread acceptor;
    private int port;

    private TlsTestServer(Builder b) throws GeneralSecurityException, IOException {
        this.protocols = List.copyOf(b.protocols);
        this.allowedClients = Set.copyOf(b.allowedClients);
        this.needClientAuth = b.needClientAuth;
        this.address = InetAddress.getLoopbackAddress();
        this.port = b.port;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "in-memory".toCharArray();
        keys.setKeyEntry("server", b.key, password, b.chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate ca : b.trusted) {
            trust.setCertificateEntry("ca" + i++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    /** A server presenting {@code pki.server()} and trusting {@code pki}'s CA. */
    public static Builder builder(TestPki pki) {
        return new Builder().identity(pki.server()).trust(pki.ca());
    }

    /** A server to be given an identity and trust anchors explicitly. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on (kept across {@link #stop()}/{@link #restart()}). */
    public int port() {
        return port;
    }

    /** The loopback address it listens on, as a string ("127.0.0.1"). */
    public String host() {
        return address.getHostAddress();
    }

    /** Stops listening and closes every open connection; what was received stays recorded. */
    public void stop() {
        synchronized (lock) {
            if (serverSocket == null) {
                return;
            }
            closeQuietly(serverSocket);
            serverSocket = null;
            for (Socket s : open) {
                closeQuietly(s);
            }
            open.clear();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Listens again on the same port. */
    public TlsTestServer restart() {
        synchronized (lock) {
            if (serverSocket != null) {
                throw new IllegalStateException("already running on port " + port);
            }
        }
        listen();
        return this;
    }

    /** Closes the open client connections (as a server restart or an idle timeout would) but keeps listening. */
    public void dropConnections() {
        synchronized (lock) {
            for (Socket s : open) {
                closeQuietly(s);
            }
            open.clear();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Every byte received so far from accepted clients, in arrival order (across connections). */
    public byte[] received() {
        synchronized (lock) {
            return received.toByteArray();
        }
    }

    /** {@link #received()} as UTF-8. */
    public String receivedText() {
        return new String(received(), StandardCharsets.UTF_8);
    }

    /** Forgets what was received so far. */
    public void clearReceived() {
        synchronized (lock) {
            received.reset();
        }
    }

    /** Every connection so far, in order of arrival, whether its handshake succeeded or not. */
    public List<Connection> connections() {
        synchronized (lock) {
            return List.copyOf(connections);
        }
    }

    /**
     * Waits until the received text contains {@code text}.
     *
     * @throws AssertionError with what was received when it does not arrive in time
     */
    public void awaitReceived(String text, Duration timeout) {
        if (!await(() -> receivedTextLocked().contains(text), timeout)) {
            throw new AssertionError("within " + Waits.generous(timeout) + " the server did not receive \"" + text + "\"; received: \""
                    + receivedText() + "\"");
        }
    }

    /**
     * Waits until {@code count} connections have finished their handshake (accepted or not) and returns them all.
     *
     * @throws AssertionError when fewer arrive in time
     */
    public List<Connection> awaitConnections(int count, Duration timeout) {
        if (!await(() -> connections.size() >= count, timeout)) {
            throw new AssertionError("within " + Waits.generous(timeout) + " the server saw " + connections() + ", not " + count
                    + " connection(s)");
        }
        return connections();
    }

    /** Waits for {@code condition}, for {@code timeout} but {@link Waits#generous at least 30 s}. */
    private boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + Waits.generous(timeout).toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private String receivedTextLocked() {
        return new String(received.toByteArray(), StandardCharsets.UTF_8);
    }

    private void listen() {
        SSLServerSocket socket;
        try {
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + port, e);
        }
        socket.setNeedClientAuth(needClientAuth);
        socket.setEnabledProtocols(protocols.toArray(String[]::new));
        synchronized (lock) {
            serverSocket = socket;
            port = socket.getLocalPort();
        }
        acceptor = new Thread(() -> acceptLoop(socket), "tls-test-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(SSLServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return; // closed by stop()
            }
            synchronized (lock) {
                if (serverSocket != listening) {
                    closeQuietly(client);
                    return;
                }
                open.add(client);
            }
            Thread handler = new Thread(() -> handle((SSLSocket) client), "tls-test-connection-" + port);
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void handle(SSLSocket socket) {
        Connection connection;
        try {
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            socket.startHandshake();
            SSLSession session = socket.getSession();
            X509Certificate peer = needClientAuth ? (X509Certificate) session.getPeerCertificates()[0] : null;
            List<String> names = peer == null ? List.of() : names(peer);
            boolean allowed = allowedClients.isEmpty() || names.stream().anyMatch(allowedClients::contains);
            connection = new Connection(names, session.getProtocol(), session.getCipherSuite(), serverName(session),
                    allowed, allowed ? null : "client " + names + " is not in the allow-list " + allowedClients);
        } catch (IOException e) {
            connection = new Connection(List.of(), null, null, null, false, e.toString());
        }
        record(connection);
        if (!connection.accepted()) {
            close(socket);
            return;
        }
        try {
            socket.setSoTimeout(0);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (lock) {
                    received.write(buffer, 0, n);
                    connection.bytes += n;
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            // closed by the client, stop() or dropConnections()
        } finally {
            close(socket);
        }
    }

    private static String serverName(SSLSession session) {
        if (session instanceof ExtendedSSLSession) {
            for (SNIServerName name : ((ExtendedSSLSession) session).getRequestedServerNames()) {
                if (name instanceof SNIHostName) {
                    return ((SNIHostName) name).getAsciiName();
                }
            }
        }
        return null;
    }

    private void record(Connection connection) {
        synchronized (lock) {
            connections.add(connection);
            lock.notifyAll();
        }
    }

    private void close(Socket socket) {
        synchronized (lock) {
            open.remove(socket);
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** The subject CN and SAN DNS names of a client certificate. */
    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // no CN
        }
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0)) && !names.contains(san.get(1))) {
                        names.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no SANs
        }
        return List.copyOf(names);
    }

    /** One client connection as the server saw it. */
    public static final class Connection {
        private final List<String> peerNames;
        private final String protocol;
        private final String cipherSuite;
        private final String serverName;
        private final boolean accepted;
        private final String failure;
        private volatile long bytes;

        Connection(List<String> peerNames, String protocol, String cipherSuite, String serverName, boolean accepted,
                String failure) {
            this.peerNames = peerNames;
            this.protocol = protocol;
            this.cipherSuite = cipherSuite;
            this.serverName = serverName;
            this.accepted = accepted;
            this.failure = failure;
        }

        /** The client certificate's CN, or null when the handshake failed. */
        public String peer() {
            return peerNames.isEmpty() ? null : peerNames.get(0);
        }

        /** The client certificate's CN and SAN DNS names. */
        public List<String> peerNames() {
            return peerNames;
        }

        /** "TLSv1.3" or "TLSv1.2"...; null when the handshake failed. */
        public String protocol() {
            return protocol;
        }

        /** The negotiated cipher suite; null when the handshake failed. */
        public String cipherSuite() {
            return cipherSuite;
        }

        /** The host name the client sent in SNI; null when it sent none (as for an IP address). */
        public String serverName() {
            return serverName;
        }

        /** How many bytes this connection delivered so far. */
        public long bytesReceived() {
            return bytes;
        }

        /** Whether the handshake succeeded and the client passed the allow-list. */
        public boolean accepted() {
            return accepted;
        }

        /** Why it was not accepted (the handshake exception, or the allow-list); null when accepted. */
        public String failure() {
            return failure;
        }

        @Override
        public String toString() {
            return accepted ? "accepted " + peerNames + " " + protocol : "refused (" + failure + ")";
        }
    }

    /** Configures a {@link TlsTestServer}. */
    public static final class Builder {
        private PrivateKey key;
        private List<X509Certificate> chain;
        private final List<X509Certificate> trusted = new ArrayList<>();
        private final List<String> protocols = new ArrayList<>(List.of("TLSv1.3", "TLSv1.2"));
        private final Set<String> allowedClients = new LinkedHashSet<>();
        private boolean needClientAuth = true;
        private int port;

        private Builder() {
        }

        /** The certificate chain and key the server presents. */
        public Builder identity(TestIdentity identity) {
            return identity(identity.privateKey(), identity.certificateChain());
        }

        /** The certificate chain (leaf first) and key the server presents. */
        public Builder identity(PrivateKey key, List<X509Certificate> chain) {
            this.key = key;
            this.chain = List.copyOf(chain);
            return this;
        }

        /** Replaces the CAs client certificates must chain to. */
        public Builder trust(X509Certificate... cas) {
            trusted.clear();
            trusted.addAll(List.of(cas));
            return this;
        }

        /** Replaces the enabled protocols (default TLSv1.3, TLSv1.2). */
        public Builder protocols(String... names) {
            protocols.clear();
            protocols.addAll(List.of(names));
            return this;
        }

        /**
         * Only clients whose certificate CN or a SAN DNS name is one of {@code names} stay connected; others are
         * closed right after the handshake. Default: every client the CA vouches for.
         */
        public Builder allowedClients(String... names) {
            allowedClients.addAll(List.of(names));
            return this;
        }

        /** Whether a client certificate is required (default true). */
        public Builder needClientAuth(boolean need) {
            this.needClientAuth = need;
            return this;
        }

        /** A fixed port; default 0, a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts listening. */
        public TlsTestServer start() {
            if (key == null || trusted.isEmpty()) {
                throw new IllegalStateException("a test server needs an identity and at least one trusted CA");
            }
            try {
                TlsTestServer server = new TlsTestServer(this);
                server.listen();
                return server;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot set up the test server", e);
            }
        }
    }
}
