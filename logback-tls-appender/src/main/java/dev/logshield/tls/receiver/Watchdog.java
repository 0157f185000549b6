package dev.logshield.tls.receiver;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receiver's timer thread: every {@value #TICK_MILLIS} ms it ends the connections whose {@link Deadline} has
 * passed, and every {@code statsInterval} it runs the stats report. One thread whatever the number of
 * connections.
 */
final class Watchdog implements Runnable {

    static final long TICK_MILLIS = 50;

    private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
    private final long statsIntervalNanos;
    private final Runnable stats;
    private volatile boolean running = true;

    /**
     * @param statsIntervalMillis how often to run {@code stats}; 0 never
     */
    Watchdog(long statsIntervalMillis, Runnable stats) {
        this.statsIntervalNanos = statsIntervalMillis * 1_000_000L;
        this.stats = stats;
    }

    void watch(Deadline deadline) {
        deadlines.add(deadline);
    }

    void forget(Deadline deadline) {
        deadlines.remove(deadline);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long nextStats = System.nanoTime() + statsIntervalNanos;
        while (running) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Deadline deadline : deadlines) {
                deadline.expireIfDue(now);
            }
            if (statsIntervalNanos > 0 && now - nextStats >= 0) {
                nextStats = now + statsIntervalNanos;
                try {
                    stats.run();
                } catch (RuntimeException e) {
                    // a report that fails must not stop the deadlines
                }
            }
        }
    }
}
