package dev.logshield.tls.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A session without acknowledgements (RFC 5425 octet counting, newline-delimited JSON): frames are written and
 * flushed; a reader thread blocks on the connection so that a close or an alert from the peer (a rejected client
 * certificate under TLS 1.3, a collector going down) is noticed immediately and the socket is closed, which also
 * unblocks a writer stuck on a full TCP window.
 */
public final class StreamSession implements Session {

    private final Transport transport;
    private final FrameWriter framer;
    private final Thread reader;
    private volatile String failure;

    public StreamSession(Transport transport, FrameWriter framer, String threadName) {
        this.transport = transport;
        this.framer = framer;
        this.reader = new Thread(this::watch, threadName);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void watch() {
        byte[] sink = new byte[512];
        InputStream in = transport.in();
        try {
            while (true) {
                int n = in.read(sink);
                if (n < 0) {
                    lost("the collector closed the connection");
                    return;
                }
                // a syslog collector has nothing to say on this channel; what it says is ignored
            }
        } catch (IOException | RuntimeException e) {
            lost("connection lost: " + e.getMessage());
        }
    }

    /** The peer is gone: end the connection at once, a write blocked on a full TCP window included. */
    private void lost(String why) {
        if (failure == null) {
            failure = why;
        }
        // the blocked writer holds the TLS write lock that closing the TLS socket waits for: close TCP first
        transport.abort();
        transport.close();
    }

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        transport.close();
    }

    @Override
    public void send(List<byte[]> events) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        try {
            for (byte[] event : events) {
                framer.write(event, transport.out());
            }
            transport.out().flush();
        } catch (IOException e) {
            fail("write failed: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public boolean isAlive() {
        return failure == null && !transport.isClosed();
    }

    @Override
    public String failure() {
        return failure != null ? failure : transport.isClosed() ? "connection closed" : null;
    }

    @Override
    public boolean acknowledges() {
        return false;
    }

    @Override
    public int acknowledged(long waitMs) {
        return 0;
    }

    @Override
    public int windowRemaining() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void close() {
        fail("closed");
        try {
            reader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
