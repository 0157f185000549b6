package dev.logshield.tls.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A loopback peer that misbehaves on purpose, built only on the JDK: every accepted connection runs a
 * {@link Script} on a thread of its own, either on the raw TCP socket ({@link #plain}) or after a completed
 * mutual-TLS handshake ({@link #tls}: the test PKI's server identity, client certificates from its CA required).
 * It records when each connection arrived and what scripts chose to {@link Conversation#record}.
 * <pre>
 * try (ScriptedPeer peer = ScriptedPeer.plain(ScriptedPeer.sendGarbage("HTTP/1.1 400 Bad Request\r\n\r\n"))) {
 *     ... <destination>127.0.0.1:peer.port()</destination> ...
 *     peer.awaitAccepted(2, Duration.ofSeconds(5));
 * }
 * </pre>
 */
public final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with one connection. Returning or throwing closes it. */
    @FunctionalInterface
    public interface Script {
        void serve(Conversation conversation) throws IOException;
    }

    /** One accepted connection, as its script sees it. */
    public final class Conversation {
        private final Socket socket;
        private final int index;

        Conversation(Socket socket, int index) {
            this.socket = socket;
            this.index = index;
        }

        /** 0 for the first connection the peer accepted, 1 for the next... */
        public int index() {
            return index;
        }

        public Socket socket() {
            return socket;
        }

        public InputStream in() throws IOException {
            return socket.getInputStream();
        }

        public OutputStream out() throws IOException {
            return socket.getOutputStream();
        }

        /** Adds bytes to what the peer reports as {@link #received()}. */
        public void record(byte[] bytes, int offset, int length) {
            synchronized (lock) {
                received.write(bytes, offset, length);
            }
        }

        /** Reads until the client closes (or the peer is closed), recording every byte. */
        public void readAll() throws IOException {
            byte[] buffer = new byte[8192];
            InputStream in = in();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                record(buffer, 0, n);
            }
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final boolean tls;
    private final Object lock = new Object();
    private final List<Long> acceptedAt = new ArrayList<>();
    private volatile CountDownLatch firstHandshakeGate;
    private final Set<Socket> open = new LinkedHashSet<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread acceptor;

    private ScriptedPeer(ServerSocket server, Script script, boolean tls) {
        this.server = server;
        this.script = script;
        this.tls = tls;
        this.acceptor = new Thread(this::acceptLoop, "scripted-peer-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A plain TCP peer on a free loopback port. */
    public static ScriptedPeer plain(Script script) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            return new ScriptedPeer(server, script, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutual-TLS peer (TLSv1.3/1.2, {@code pki.server()}, client certificate required) running {@code script}. */
    public static ScriptedPeer tls(TestPki pki, Script script) {
        return tls(pki, 0, script);
    }

    /**
     * Like {@link #tls(TestPki, Script)}, with the accepted sockets' receive buffer set to {@code receiveBuffer}
     * bytes (0: the system's default), so that a peer that stops reading fills the client's TCP window sooner.
     */
    public static ScriptedPeer tls(TestPki pki, int receiveBuffer, Script script) {
        try {
            SSLContext context = serverContext(pki, pki.ca());
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            if (receiveBuffer > 0) {
                server.setReceiveBufferSize(receiveBuffer);
            }
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setNeedClientAuth(true);
            server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            return new ScriptedPeer(server, script, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a scripted TLS peer", e);
        }
    }

    /**
     * A real server handshake over the raw connection (use with {@link #plain}): {@code pki.server()}'s identity, a
     * client certificate required that chains to {@code trustedCa}, only {@code protocols}. The TCP connection
     * outlives a failed handshake and is drained until the client closes it, so that the client reads the server's
     * alert rather than a reset (a socket closed with unread input resets the connection).
     */
    public static Script handshakeTrusting(TestPki pki, X509Certificate trustedCa, String... protocols) {
        SSLContext context = serverContext(pki, trustedCa);
        return conversation -> {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(conversation.socket(), null, false);
            tls.setEnabledProtocols(protocols);
            tls.setNeedClientAuth(true);
            try {
                tls.startHandshake();
            } catch (IOException refused) {
                // the alert is on its way; keep the connection until the client has read it and gone
            }
            conversation.in().transferTo(OutputStream.nullOutputStream());
        };
    }

    private static SSLContext serverContext(TestPki pki, X509Certificate trustedCa) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = "in-memory".toCharArray();
            keys.setKeyEntry("server", pki.server().privateKey(), password,
                    pki.server().certificateChain().toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trustedCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up a scripted TLS peer", e);
        }
    }

    /** Closes every connection at once, without a word. */
    public static Script closeAtOnce() {
        return conversation -> { };
    }

    /** Writes {@code text} (UTF-8), then reads and discards until the client goes away. */
    public static Script sendGarbage(String text) {
        return conversation -> {
            conversation.out().write(text.getBytes(StandardCharsets.UTF_8));
            conversation.out().flush();
            conversation.in().transferTo(OutputStream.nullOutputStream());
        };
    }

    /** Says nothing; reads and discards until the client goes away (a TLS client waits for a ServerHello). */
    public static Script silent() {
        return conversation -> conversation.in().transferTo(OutputStream.nullOutputStream());
    }

    /** Never reads: holds the connection until the client or the peer closes it. */
    public static Script neverRead() {
        return conversation -> {
            try {
                while (!conversation.socket().isClosed()) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted (for TLS peers: TCP accepts, whatever became of the handshake). */
    public int accepted() {
        synchronized (lock) {
            return acceptedAt.size();
        }
    }

    /** When each connection was accepted, {@link System#nanoTime()}, in order. */
    public List<Long> acceptedAtNanos() {
        synchronized (lock) {
            return List.copyOf(acceptedAt);
        }
    }

    /** What scripts recorded, in order. */
    public String receivedText() {
        synchronized (lock) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits until {@code count} connections were accepted, for {@code timeout} but {@link Waits#generous at least 30 s}.
     *
     * @throws AssertionError when fewer arrive in time
     */
    public void awaitAccepted(int count, Duration asked) {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (acceptedAt.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("within " + timeout + " the peer accepted " + acceptedAt.size()
                            + " connection(s), not " + count);
                }
                waitOn(left);
            }
        }
    }

    /**
     * Waits until the recorded text contains {@code text}, for {@code timeout} but {@link Waits#generous at least 30 s}.
     *
     * @throws AssertionError with what was recorded when it does not arrive in time
     */
    public void awaitReceived(String text, Duration asked) {
        Duration timeout = Waits.generous(asked);
        // polled, not notified per read: decoding megabytes at every read would make a long test quadratic
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!receivedText().contains(text)) {
            if (System.nanoTime() - deadline > 0) {
                String got = receivedText();
                throw new AssertionError("within " + timeout + " the peer did not receive \"" + text + "\"; got "
                        + got.length() + " characters, ending \"" + got.substring(Math.max(0, got.length() - 500)) + "\"");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private void waitOn(long nanos) {
        try {
            lock.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /**
     * Holds the TLS handshake of the first connection (at most a minute) until {@code gate} opens: for tests that
     * must have the client's events queued before it can send any, whatever the speed of the machine.
     */
    public ScriptedPeer holdFirstHandshake(CountDownLatch gate) {
        this.firstHandshakeGate = gate;
        return this;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            int index;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (lock) {
                index = acceptedAt.size();
                acceptedAt.add(System.nanoTime());
                open.add(socket);
                lock.notifyAll();
            }
            Thread handler = new Thread(() -> run(socket, index), "scripted-peer-connection-" + port());
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void run(Socket socket, int index) {
        try {
            if (tls) {
                CountDownLatch gate = index == 0 ? firstHandshakeGate : null;
                if (gate != null && !gate.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("the first handshake was held for a minute");
                }
                socket.setSoTimeout(10_000);
                ((SSLSocket) socket).startHandshake();
                socket.setSoTimeout(0);
            }
            script.serve(new Conversation(socket, index));
        } catch (IOException | RuntimeException e) {
            // the client went away, or the peer was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
            synchronized (lock) {
                open.remove(socket);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        synchronized (lock) {
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

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
