package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The legitimate client of the hostile-client suites: LogShield's {@code MtlsAppender} as {@code client1}, configured
 * from {@code logback/receiver/SteadyClient.xml} in a LoggerContext of its own, connecting from 127.0.0.1 and logging
 * {@code steady <n>} every {@value #PERIOD_MILLIS} ms for as long as the suite runs. Each attack is a {@link Window}
 * of that stream: once it is over, every event logged in it must reach the receiver's appender, once and in order;
 * the time from each logging call to the appender is its latency, a figure printed for information (it depends on
 * how busy the machine is, so no test asserts on it).
 */
final class SteadyClient implements AutoCloseable {

    static final String PREFIX = "steady ";
    private static final long PERIOD_MILLIS = 20;
    private static final int CAPACITY = 50_000;

    private final LoggerContext context;
    private final TestMeters meters;
    private final ReceivedEvents received;
    private final AtomicLongArray loggedAt = new AtomicLongArray(CAPACITY);
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "steady-client");
        thread.setDaemon(true);
        return thread;
    });

    private SteadyClient(LoggerContext context, TestMeters meters, ReceivedEvents received) {
        this.context = context;
        this.meters = meters;
        this.received = received;
    }

    /** Starts logging to the receiver on 127.0.0.1:{@code port}; returns once the first event has arrived. */
    static SteadyClient start(TestPki pki, int port, ReceivedEvents received) {
        TestMeters meters = TestMeters.register();
        LoggerContext context = XmlConfiguredContext.configure("receiver/SteadyClient", "steady-client", Map.of(
                "destination", "127.0.0.1:" + port, "registry", meters.name(),
                "clientCert", pki.client("client1").chain().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
        SteadyClient client = new SteadyClient(context, meters, received);
        Logger logger = context.getLogger("steady");
        client.clock.scheduleAtFixedRate(() -> {
            int n = client.next.get();
            if (n < CAPACITY) {
                client.loggedAt.set(n, System.nanoTime());
                logger.info(PREFIX + n);
                client.next.incrementAndGet();
            }
        }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        client.window().close(1, Duration.ofSeconds(60));
        return client;
    }

    /** A window that starts with the next event logged. */
    Window window() {
        return new Window(next.get());
    }

    /** Connections the appender made: 1 while the receiver never dropped it. */
    long connections() {
        return meters.count("logshield.tls.reconnects");
    }

    /** Events the appender dropped (its queue full, a write failed...). */
    long dropped() {
        return meters.count("logshield.tls.dropped");
    }

    /** Stops logging, stops the appender's context. */
    @Override
    public void close() {
        clock.shutdownNow();
        context.stop();
        meters.close();
    }

    /** The events logged from {@link #window()} to {@link #close}. */
    final class Window {
        private final int from;

        private Window(int from) {
            this.from = from;
        }

        /**
         * Ends the window once at least {@code minEvents} were logged in it, and waits up to {@code timeout} for
         * its events.
         *
         * @return what arrived: counts and latencies; the caller asserts
         */
        Delivery close(int minEvents, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (next.get() < from + minEvents) {
                pause();
            }
            int to = next.get();
            Delivery delivery = delivery(to);
            while (delivery.lost() > 0 && System.nanoTime() < deadline) {
                pause();
                delivery = delivery(to);
            }
            return delivery;
        }

        private Delivery delivery(int to) {
            int expected = to - from;
            BitSet seen = new BitSet(expected);
            int duplicates = 0;
            int outOfOrder = 0;
            int highest = -1;
            long[] latencies = new long[expected];
            List<ReceivedEvents.Arrival> arrivals = received.arrivals();
            for (ReceivedEvents.Arrival arrival : arrivals) {
                String message = arrival.event().getFormattedMessage();
                if (!message.startsWith(PREFIX)) {
                    continue;
                }
                int n = Integer.parseInt(message.substring(PREFIX.length()));
                if (n < from || n >= to) {
                    continue;
                }
                if (seen.get(n - from)) {
                    duplicates++;
                } else {
                    seen.set(n - from);
                    latencies[n - from] = arrival.nanoTime() - loggedAt.get(n);
                    outOfOrder += n < highest ? 1 : 0;
                    highest = Math.max(highest, n);
                }
            }
            int arrived = seen.cardinality();
            long[] known = new long[arrived];
            for (int i = seen.nextSetBit(0), k = 0; i >= 0; i = seen.nextSetBit(i + 1)) {
                known[k++] = latencies[i];
            }
            Arrays.sort(known);
            return new Delivery(expected, expected - arrived, duplicates, outOfOrder,
                    arrived == 0 ? -1 : known[arrived / 2] / 1_000_000, arrived == 0 ? -1 : known[arrived - 1] / 1_000_000);
        }
    }

    /**
     * The legitimate events of a window.
     *
     * @param logged        events logged in the window
     * @param lost          of those, not arrived
     * @param duplicates    arrived more than once
     * @param outOfOrder    arrived after an event logged later
     * @param medianMillis  median latency, logging call to the receiver's appender (for information)
     * @param maxMillis     the largest latency (for information)
     */
    record Delivery(int logged, int lost, int duplicates, int outOfOrder, long medianMillis, long maxMillis) {
        @Override
        public String toString() {
            return logged + " events, " + lost + " lost, " + duplicates + " duplicated, " + outOfOrder
                    + " out of order, latency median " + medianMillis + " ms, max " + maxMillis + " ms";
        }
    }

    /** Ten milliseconds between two looks at a condition polled. */
    static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
