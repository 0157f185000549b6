package dev.logshield.tls.delivery;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One open connection to a collector (a TLS socket after its handshake), with buffered output. */
public final class Transport implements Closeable {

    private final Socket socket;
    private final Socket underlying;
    private final InputStream in;
    private final OutputStream out;
    private final String description;

    public Transport(Socket socket, String description) throws IOException {
        this(socket, socket.getInputStream(), description);
    }

    /** A transport whose input is {@code in} (e.g. the socket's stream with a byte pushed back). */
    public Transport(Socket socket, InputStream in, String description) throws IOException {
        this(socket, socket, in, description);
    }

    /**
     * A transport whose {@code socket} (a TLS socket) is layered over {@code underlying} (its TCP socket), which
     * {@link #abort()} closes.
     */
    public Transport(Socket socket, Socket underlying, InputStream in, String description) throws IOException {
        this.socket = socket;
        this.underlying = underlying;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
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
        return socket.isClosed();
    }

    /**
     * Closes the TCP socket under the TLS layer, from any thread, without waiting: a thread blocked writing to a
     * collector that stopped reading holds the TLS layer's write lock, so closing the TLS socket (which first tries
     * to send close_notify) would wait for it; closing the TCP socket makes the blocked write fail at once.
     */
    public void abort() {
        try {
            underlying.close();
        } catch (IOException e) {
            // closing a broken connection
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken connection
        }
    }
}
