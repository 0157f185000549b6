package dev.logshield.tls.delivery;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The sender's watchdog, on a thread of its own: a write blocked for the write timeout means a collector that stopped
 * reading without closing (hung, overloaded, gone from the network), which never makes the write fail, so the
 * connection is given up ({@link Transport#abort()} closes the TCP socket under the blocked TLS write); once the stop
 * deadline has passed, any blocked write is given up. It looks every quarter of the write timeout (10 to 250 ms),
 * runs until the sender thread ends, and no failure of one look ends it.
 */
final class StallWatchdog implements Runnable {

    /** Gives up a connection, saying why. */
    @FunctionalInterface
    interface Abandon {
        void abandon(Transport transport, String why);
    }

    private final long writeTimeoutMs;
    private final Thread sender;
    private final Supplier<Transport> connection;
    private final BooleanSupplier stopDeadlinePassed;
    private final Abandon abandon;

    /**
     * @param writeTimeoutMs     how long a write may be blocked (0: never given up before the stop deadline)
     * @param sender             the thread writing; the watchdog ends with it
     * @param connection         the connection being written to, or null
     * @param stopDeadlinePassed whether stop() wants the sender done by now
     */
    StallWatchdog(long writeTimeoutMs, Thread sender, Supplier<Transport> connection, BooleanSupplier stopDeadlinePassed,
                  Abandon abandon) {
        this.writeTimeoutMs = writeTimeoutMs;
        this.sender = sender;
        this.connection = connection;
        this.stopDeadlinePassed = stopDeadlinePassed;
        this.abandon = abandon;
    }

    @Override
    public void run() {
        long period = Math.max(10, Math.min(250, writeTimeoutMs > 0 ? writeTimeoutMs / 4 : 250));
        while (sender.isAlive()) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            try {
                look();
            } catch (RuntimeException | Error e) {
                // the watchdog outlives any one look: without it a hung collector would hold the sender forever
            }
        }
    }

    private void look() {
        Transport watched = connection.get();
        if (watched == null) {
            return;
        }
        long stalled = watched.stalledMillis();
        if (writeTimeoutMs > 0 && stalled >= writeTimeoutMs) {
            abandon.abandon(watched, "connection stalled: no progress writing for " + stalled
                    + " ms: the collector is not reading (hung, overloaded or unreachable)");
        } else if (stalled > 0 && stopDeadlinePassed.getAsBoolean()) {
            abandon.abandon(watched, "stop timeout reached while a write was blocked");
        }
    }
}
