package dev.logshield.tls.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second thread that SIGKILLs rsyslog once it has written a number of messages, and starts it again on the same
 * port: a collector crashing under load while the application keeps logging.
 * <pre>
 * CollectorCrash crash = CollectorCrash.afterMessages(rsyslog, 30_000, 1_000);
 * ... log ...
 * crash.await(60_000);      // rethrows what went wrong in the crash thread
 * </pre>
 */
public final class CollectorCrash {

    private final RsyslogPeer rsyslog;
    private final long afterMessages;
    private final long outageMs;
    private final Thread thread;
    private volatile long messagesBeforeKill = -1;
    private volatile long downMillis = -1;
    private volatile Throwable failure;

    private CollectorCrash(RsyslogPeer rsyslog, long afterMessages, long outageMs, long timeoutMs) {
        this.rsyslog = rsyslog;
        this.afterMessages = afterMessages;
        this.outageMs = outageMs;
        this.thread = new Thread(() -> run(timeoutMs), "collector-crash");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread: kill once rsyslog has written {@code messages} lines (waiting up to 60 s), leave it down
     * for {@code outageMs} (the appender's reconnects are refused meanwhile), then start it again.
     */
    public static CollectorCrash afterMessages(RsyslogPeer rsyslog, long messages, long outageMs) {
        CollectorCrash crash = new CollectorCrash(rsyslog, messages, outageMs, 60_000);
        crash.thread.start();
        return crash;
    }

    private void run(long timeoutMs) {
        try {
            Path file = rsyslog.receivedFile();
            long deadline = System.currentTimeMillis() + timeoutMs;
            long lines = 0;
            long position = 0;
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (lines < afterMessages) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("rsyslog wrote only " + lines + " messages in " + timeoutMs + " ms");
                }
                if (Files.exists(file)) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        int n;
                        while ((n = channel.read(buffer.clear(), position)) > 0) {
                            position += n;
                            for (int i = 0; i < n; i++) {
                                if (buffer.get(i) == '\n') {
                                    lines++;
                                }
                            }
                        }
                    }
                }
                Thread.sleep(5);
            }
            messagesBeforeKill = lines;
            long killed = System.currentTimeMillis();
            rsyslog.kill();
            Thread.sleep(outageMs);
            rsyslog.start();
            downMillis = System.currentTimeMillis() - killed;
        } catch (IOException | RuntimeException | InterruptedException e) {
            failure = e;
        }
    }

    /** Waits for the kill and the restart; rethrows what failed in the crash thread. */
    public CollectorCrash await(long timeoutMs) throws Exception {
        thread.join(timeoutMs);
        if (thread.isAlive()) {
            throw new IllegalStateException("rsyslog was not killed and restarted within " + timeoutMs + " ms");
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return this;
    }

    /** Lines rsyslog had written when it was killed. */
    public long messagesBeforeKill() {
        return messagesBeforeKill;
    }

    /** From SIGKILL to the restarted rsyslog listening. */
    public long downMillis() {
        return downMillis;
    }
}
