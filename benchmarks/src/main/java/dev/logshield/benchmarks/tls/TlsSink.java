package dev.logshield.benchmarks.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A collector on loopback for the TLS benchmarks: a JDK {@link SSLServerSocket} on {@code 127.0.0.1} that accepts
 * TLS 1.3 only and requires a client certificate from the benchmark CA, then reads and discards as fast as it can,
 * one thread per connection, counting bytes and newlines (both appenders send JSON lines, so a newline is an
 * event received). During setup it also keeps the text it receives, so that a check can find a marker event in it.
 */
public final class TlsSink implements AutoCloseable {

    /** What a connection negotiated: protocol, cipher suite and the client certificate's subject. */
    public record Handshake(String protocol, String cipherSuite, String client) {
        @Override
        public String toString() {
            return protocol + " " + cipherSuite + ", client " + client;
        }
    }

    private static final int CAPTURE_LIMIT = 1 << 20;

    private final SSLServerSocket server;
    private final Thread acceptor;
    private final List<SSLSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final StringBuilder captured = new StringBuilder();
    private volatile boolean capturing = true;
    private volatile boolean closed;

    private TlsSink(SSLContext context) throws IOException {
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        server.setNeedClientAuth(true);
        acceptor = new Thread(this::acceptLoop, "tls-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A sink listening on an ephemeral port of 127.0.0.1 with {@code context}'s server key and client trust. */
    public static TlsSink start(SSLContext context) {
        try {
            return new TlsSink(context);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the TLS sink", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Newlines received so far, over every connection: events, for JSON lines. */
    public long lines() {
        return lines.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Every completed handshake, in order. */
    public List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Handshakes refused and connections that failed, with the reason. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Waits up to {@code timeoutMs} for {@code text} to arrive (only while capturing).
     *
     * @return true when it arrived
     */
    public boolean awaitText(String text, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            synchronized (captured) {
                if (captured.indexOf(text) >= 0) {
                    return true;
                }
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** The text received while capturing (the first MiB). */
    public String captured() {
        synchronized (captured) {
            return captured.toString();
        }
    }

    /** From now on only count: the timed part of a benchmark must not pay for decoding text. */
    public void stopCapturing() {
        capturing = false;
    }

    /**
     * Waits up to {@code timeoutMs} until at least {@code count} newlines have arrived.
     *
     * @return true when they did
     */
    public boolean awaitLines(long count, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (lines.get() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /**
     * Waits until no byte has arrived for {@code quietMs} (the appender's buffer is empty and flushed), at most
     * {@code timeoutMs}.
     *
     * @return the newline count then
     */
    public long awaitQuiet(long quietMs, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        long last = bytes.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(10);
            long now = bytes.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quietMs * 1_000_000) {
                break;
            }
        }
        return lines.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                sockets.add(socket);
                Thread reader = new Thread(() -> read(socket), "tls-sink-read-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!closed) {
                    failures.add("accept: " + e);
                }
            }
        }
    }

    private void read(SSLSocket socket) {
        try (socket) {
            socket.startHandshake();
            SSLSession session = socket.getSession();
            Certificate[] peer = session.getPeerCertificates();
            handshakes.add(new Handshake(session.getProtocol(), session.getCipherSuite(),
                    ((X509Certificate) peer[0]).getSubjectX500Principal().getName()));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                int newlines = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
                if (capturing) {
                    synchronized (captured) {
                        if (captured.length() < CAPTURE_LIMIT) {
                            captured.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
                bytes.addAndGet(n);
                lines.addAndGet(newlines);
            }
        } catch (SocketException e) {
            if (!closed) {
                failures.add("connection from port " + socket.getPort() + ": " + e.getMessage());
            }
        } catch (IOException e) {
            if (!closed) {
                failures.add("connection from port " + socket.getPort() + ": " + e);
            }
        } finally {
            sockets.remove(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        for (SSLSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
        try {
            acceptor.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
