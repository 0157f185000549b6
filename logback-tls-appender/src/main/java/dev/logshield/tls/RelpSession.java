package dev.logshield.tls;

import dev.logshield.tls.delivery.Session;
import dev.logshield.tls.delivery.Transport;
import dev.logshield.tls.framing.relp.RelpCommandEncoder;
import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.framing.relp.RelpOffers;
import dev.logshield.tls.framing.relp.RelpProtocolException;
import dev.logshield.tls.framing.relp.RelpResponse;
import dev.logshield.tls.framing.relp.RelpResponseHandler;
import dev.logshield.tls.framing.relp.RelpResponseParser;
import dev.logshield.tls.framing.relp.RelpWindow;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A RELP session over one connection: {@code open}, then one {@code syslog} command per event, each answered by
 * the collector ({@code rsp 200 OK}) once it has taken the event; a reader thread parses the answers as they come
 * and releases events in order. The sender keeps every unanswered event and re-sends it on the next session:
 * at-least-once delivery.
 */
final class RelpSession implements Session {

    private final Transport transport;
    private final RelpCommandEncoder encoder = new RelpCommandEncoder();
    private final RelpWindow<byte[]> window;
    private final Object lock = new Object();
    private final Thread reader;
    private int openTxnr = -1;
    private boolean opened;
    private int released;
    private volatile String failure;

    RelpSession(Transport transport, int windowSize, String threadName) {
        this.transport = transport;
        this.window = new RelpWindow<>(Math.min(windowSize, RelpWindow.MAX_CAPACITY));
        this.reader = new Thread(this::read, threadName);
        this.reader.setDaemon(true);
    }

    void open(long timeoutMs) throws IOException {
        synchronized (lock) {
            openTxnr = window.addCommand();
            encoder.writeOpen(openTxnr, transport.out());
        }
        transport.out().flush();
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock) {
            while (!opened && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no answer to the RELP open command within " + timeoutMs + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while opening the RELP session");
                }
            }
            if (failure != null) {
                throw new IOException(failure);
            }
        }
    }

    private void read() {
        RelpResponseParser parser = new RelpResponseParser();
        byte[] buffer = new byte[8192];
        InputStream in = transport.in();
        RelpResponseHandler handler = new RelpResponseHandler() {
            @Override
            public void onResponse(RelpResponse response) throws IOException {
                answered(response);
            }

            @Override
            public void onServerClose() {
                lost("the collector closed the RELP session (serverclose)");
            }
        };
        try {
            while (failure == null) {
                int n = in.read(buffer);
                if (n < 0) {
                    lost("the collector closed the connection");
                    return;
                }
                parser.feed(buffer, 0, n, handler);
            }
        } catch (IOException | RuntimeException e) {
            lost("RELP session lost: " + e.getMessage());
        }
    }

    /**
     * The reader found the session over (closed, refused, garbage): end the connection at once, a write blocked on a
     * full TCP window included.
     */
    private void lost(String why) {
        synchronized (lock) {
            if (failure == null) {
                failure = why;
            }
            lock.notifyAll();
        }
        // the blocked writer holds the TLS write lock that closing the TLS socket waits for: close TCP first
        transport.abort();
        transport.close();
    }

    private void answered(RelpResponse response) throws IOException {
        synchronized (lock) {
            List<byte[]> done = window.acknowledge(response.txnr());
            if (response.txnr() == openTxnr) {
                if (!response.isOk()) {
                    lost("the collector refused the RELP session: " + response.code() + " " + response.message());
                    return;
                }
                try {
                    // a 200 that does not grant syslog (or speaks another version) is no session to send events in
                    RelpOffers.requireSyslogSession(response);
                } catch (RelpProtocolException e) {
                    lost(e.getMessage());
                    return;
                }
                opened = true;
            } else if (!response.isOk()) {
                lost("the collector refused an event: " + response.code() + " " + response.message());
                return;
            }
            released += done.size();
            lock.notifyAll();
        }
    }

    private void fail(String why) {
        synchronized (lock) {
            if (failure == null) {
                failure = why;
            }
            lock.notifyAll();
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
                int txnr;
                synchronized (lock) {
                    txnr = window.add(event);
                }
                encoder.writeSyslog(txnr, event, 0, event.length, transport.out());
            }
            transport.out().flush();
        } catch (IOException | RuntimeException e) {
            fail("write failed: " + e.getMessage());
            throw e instanceof IOException io ? io : new IOException(e);
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
        return true;
    }

    @Override
    public int acknowledged(long waitMs) throws InterruptedException {
        synchronized (lock) {
            if (released == 0 && waitMs > 0 && failure == null) {
                lock.wait(waitMs);
            }
            int n = released;
            released = 0;
            return n;
        }
    }

    @Override
    public int windowRemaining() {
        synchronized (lock) {
            return window.capacity() - window.size();
        }
    }

    @Override
    public void close() {
        if (failure == null) {
            try {
                synchronized (lock) {
                    if (!window.isFull()) {
                        encoder.writeClose(window.addCommand(), transport.out());
                    }
                }
                transport.out().flush();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
        fail("closed");
        try {
            reader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int maxTxnr() {
        return RelpFrame.MAX_TXNR;
    }
}
