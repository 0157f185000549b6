package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain TCP relay on a loopback port in front of a collector, whose network can be cut the way a real one fails:
 * {@link #blackhole()} stops forwarding and stops reading in both directions without closing anything (a cable
 * pulled, a firewall that starts dropping: the kernel buffers fill, then writes block, and no close or reset ever
 * comes; new connections are taken but go nowhere); {@link #resetAll()} resets every connection it carries (RST);
 * {@link #heal()} forwards again. Bytes read but not yet forwarded when a connection is reset are lost, as on a
 * network.
 * <pre>
 * try (CuttableRelay relay = CuttableRelay.to(rsyslog.port())) {
 *     ... configure the appender with relay.destination() ...
 *     relay.blackhole(); ... relay.resetAll(); relay.heal();
 * }
 * </pre>
 */
public final class CuttableRelay implements AutoCloseable {

    private final int upstreamPort;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new ArrayList<>();
    private final Object gate = new Object();
    private boolean blackholed;
    private volatile boolean closed;

    private CuttableRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "relay-accept-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A relay forwarding to {@code 127.0.0.1:upstreamPort}, forwarding from the start. */
    public static CuttableRelay to(int upstreamPort) throws IOException {
        return new CuttableRelay(upstreamPort);
    }

    /** Where the appender should connect. */
    public String destination() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Stops forwarding and reading, in both directions, on every connection and on new ones; closes nothing. */
    public void blackhole() {
        synchronized (gate) {
            blackholed = true;
        }
    }

    /** Forwards again. */
    public void heal() {
        synchronized (gate) {
            blackholed = false;
            gate.notifyAll();
        }
    }

    /** Resets every connection it carries, on both sides (RST, not a close); new ones are taken as before. */
    public void resetAll() {
        List<Socket> all;
        synchronized (sockets) {
            all = new ArrayList<>(sockets);
            sockets.clear();
        }
        for (Socket socket : all) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                track(client);
                track(upstream);
                Thread connector = new Thread(() -> connect(client, upstream), "relay-connect");
                connector.setDaemon(true);
                connector.start();
            } catch (IOException e) {
                // closed, or one failed accept: go on until closed
            }
        }
    }

    private void connect(Socket client, Socket upstream) {
        try {
            awaitForwarding();
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 5_000);
            pump(client, upstream, "relay-up");
            pump(upstream, client, "relay-down");
        } catch (IOException | InterruptedException e) {
            quietlyClose(client);
            quietlyClose(upstream);
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    awaitForwarding();
                    int n = in.read(buffer);
                    if (n < 0) {
                        to.shutdownOutput();
                        return;
                    }
                    awaitForwarding();
                    out.write(buffer, 0, n);
                }
            } catch (IOException | InterruptedException e) {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (blackholed && !closed) {
                gate.wait();
            }
        }
    }

    private void track(Socket socket) {
        synchronized (sockets) {
            sockets.add(socket);
        }
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heal();
        server.close();
        resetAll();
    }
}
