package dev.logshield.tls.delivery;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One open connection to a collector (a TLS socket after its handshake), with buffered output. It knows how long
 * the write under way has been blocked ({@link #stalledMillis()}), so that a watchdog can {@link #abort} a
 * connection whose peer stopped reading without closing (a hung collector, a host gone from the network): closing
 * the TLS socket would wait for the blocked writer, closing the TCP socket under it does not.
 */
public final class Transport implements Closeable {

    private final Socket socket;
    private final Socket tcp;
    private final InputStream in;
    private final StallClock clock;
    private final OutputStream out;
    private final String description;
    private volatile boolean aborted;

    public Transport(Socket socket, String description) throws IOException {
        this(socket, socket.getInputStream(), description);
    }

    /** A transport whose input is {@code in} (e.g. the socket's stream with a byte pushed back). */
    public Transport(Socket socket, InputStream in, String description) throws IOException {
        this(socket, in, description, socket);
    }

    /** A transport over {@code socket} (e.g. TLS) layered on {@code underlying} (its TCP socket). */
    public Transport(Socket socket, Socket underlying, InputStream in, String description) throws IOException {
        this(socket, in, description, underlying);
    }

    /** A transport over {@code socket} (e.g. TLS) layered on {@code tcp}, which {@link #abort} closes. */
    public Transport(Socket socket, InputStream in, String description, Socket tcp) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.in = in;
        this.clock = new StallClock(socket.getOutputStream());
        this.out = new BufferedOutputStream(clock, 64 * 1024);
        this.description = description;
    }

    public Socket socket() {
        return socket;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** E.g. {@code logs.example:6514 (10.0.0.7) TLSv1.3}. */
    public String description() {
        return description;
    }

    public boolean isClosed() {
        return aborted || socket.isClosed();
    }

    /** How long the write or flush under way has been blocked; 0 when none is. */
    public long stalledMillis() {
        long since = clock.blockedSince;
        return since == 0 ? 0 : Math.max(0, (System.nanoTime() - since) / 1_000_000);
    }

    /** Closes the TCP connection under the TLS layer: a blocked write or read fails at once. */
    public void abort() {
        aborted = true;
        try {
            tcp.close();
        } catch (IOException e) {
            // closing a broken connection
        }
    }

    /** Closes the connection (TLS: sends close_notify, which can block like a write and is watched like one). */
    @Override
    public void close() {
        clock.begin();
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken connection
        } finally {
            clock.blockedSince = 0;
        }
    }

    /** Records when the write under way began (one TLS write of at most the 64 KiB buffer). */
    private static final class StallClock extends FilterOutputStream {

        volatile long blockedSince;

        StallClock(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            begin();
            try {
                out.write(b);
            } finally {
                blockedSince = 0;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            begin();
            try {
                out.write(b, off, len);
            } finally {
                blockedSince = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            begin();
            try {
                out.flush();
            } finally {
                blockedSince = 0;
            }
        }

        void begin() {
            long now = System.nanoTime();
            blockedSince = now == 0 ? 1 : now;
        }
    }
}
