package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.Waits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping the context stops the receiver before the appenders: the events already queued are handed to them
 * within {@code <stopTimeout>}; what a too-slow appender cannot take in time is counted in
 * {@code frames.dropped{reason=shutdown}}, and stop still returns on time. Either way the port is free again.
 */
class StopDrainsTheQueueTest {

    private static final String NAME = "StopDrainsTheQueueTest";
    private static final int EVENTS = 100;

    private final TestPki pki = SharedPki.get();

    @Test
    void queuedEventsReachTheAppendersAtStop() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                    "delayMillis", "10", "stopTimeout", "60 seconds"));
            ReceivedEvents received = ReceiverContexts.received(context);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
                received.hold();
                queue(client, meters, received);
                received.release();
                context.stop();
            }
            assertThat(received.events()).as("all queued events dispatched at stop").hasSize(EVENTS);
            assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "shutdown")).isZero();
            assertThat(bindable(port)).as("port free after stop").isTrue();
            assertThat(liveThreads(port)).as("threads ended").isEmpty();
        }
    }

    @Test
    void whatTheStopTimeoutCannotDispatchIsCounted() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            // 2 s per event: a stop that waited for the queue instead of its 300 ms timeout would take minutes
            LoggerContext context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                    "delayMillis", "2000", "stopTimeout", "300 milliseconds"));
            ReceivedEvents received = ReceiverContexts.received(context);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
                queue(client, meters, received);
                long start = System.nanoTime();
                context.stop();
                long stopMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("stop with a 300 ms stopTimeout and 2 s per event: %d ms%n", stopMillis);
                assertThat(stopMillis).as("stop within its timeout plus bounded joins (generous, for a busy machine;"
                        + " draining the queue would take %d s)", 2 * EVENTS).isLessThan(30_000);
            }
            long dropped = meters.count("logshield.receiver.frames.dropped", "reason", "shutdown");
            assertThat(dropped).isPositive();
            assertThat(received.events().size() + dropped).as("every event dispatched or counted").isEqualTo(EVENTS);
            assertThat(bindable(port)).isTrue();
            assertThat(liveThreads(port)).isEmpty();
        }
    }

    /** Sends the events and waits until the receiver has read them all (dispatched or queued). */
    private static void queue(RawTlsClient client, TestMeters meters, ReceivedEvents received) throws Exception {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            frames.append(RawTlsClient.octetCounted("drain", "event " + i));
        }
        client.write(frames.toString());
        long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
        while (received.events().size() + meters.gauge("logshield.receiver.queue.size") < EVENTS) {
            assertThat(System.nanoTime()).as("all events read within %s", Waits.FLOOR).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(received.events().size()).as("still queued when stopping").isLessThan(EVENTS);
    }

    private static java.util.List<String> liveThreads(int port) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("logshield-receiver-" + port + "-")).collect(java.util.stream.Collectors.toList());
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
