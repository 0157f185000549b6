package dev.logshield.tls.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * How and when the receiver ended a connection, as its client sees it: by reading until the end of the stream, an
 * alert or a reset (anything the receiver sends is skipped), from {@code since} (a {@link System#nanoTime()}).
 *
 * @param closed whether the receiver ended it within the limit
 * @param millis when, counted from {@code since}
 * @param how    {@code end of stream}, or the exception that said so (a TLS alert, a reset)
 */
record Hangup(boolean closed, long millis, String how) {

    /** Reads from {@code socket} (a TLS socket completes its handshake first) until the receiver ends it, or {@code limit}. */
    static Hangup await(Socket socket, long since, Duration limit) throws IOException {
        long deadline = since + limit.toNanos();
        InputStream in = socket.getInputStream();
        byte[] skipped = new byte[4096];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Hangup(false, elapsed(since), "still open");
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                if (in.read(skipped) < 0) {
                    return new Hangup(true, elapsed(since), "end of stream");
                }
            } catch (SocketTimeoutException e) {
                return new Hangup(false, elapsed(since), "still open");
            } catch (IOException e) {
                return new Hangup(true, elapsed(since), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static long elapsed(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Override
    public String toString() {
        return (closed ? "closed after " : "open after ") + millis + " ms (" + how + ")";
    }
}
