package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code <maxEventsPerSecond>100</maxEventsPerSecond>} is a budget per client identity, shared by its connections:
 * a client writing 400 events as fast as it can over two connections gets its one-second burst of 100, then 100 a
 * second, so its events take at least three seconds to arrive; every one of them arrives (back-pressure, never a
 * drop), and the slowing is counted in {@code rate.limited}. Another client, connecting once the first is held to
 * its rate, has its own budget and is not slowed: its {@value #OTHER_EVENTS} events arrive together, where events
 * that had to wait for tokens at 100 a second would span at least {@value #OTHER_EVENTS} - 1 hundredths of a second
 * (a bound the limiter guarantees, however busy the machine). The lower bound on the first client's time is
 * likewise one the limiter guarantees; no upper bound on any time is asserted.
 */
class FastClientIsSlowedNotDroppedTest {

    private static final String NAME = "FastClientIsSlowedNotDroppedTest";

    private static final int OTHER_EVENTS = 90;

    private final TestPki pki = SharedPki.get();

    @Test
    void aFastClientIsSlowedToItsRateAndLosesNothing() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name()));
            int port = ReceiverContexts.startedReceiver(context).localPort();
            ReceivedEvents received = ReceiverContexts.received(context);
            try {
                long start = System.nanoTime();
                CompletableFuture<RawTlsClient> first = send("client1", port, "a", 200);
                CompletableFuture<RawTlsClient> second = send("client1", port, "b", 200);
                // client1 has spent its burst and waits for its tokens: a budget shared with client2 would be empty
                assertThat(meters.awaitCount("logshield.receiver.rate.limited", 1, Duration.ofSeconds(60)))
                        .isPositive();
                CompletableFuture<RawTlsClient> other = send("client2", port, "other", OTHER_EVENTS);
                List<ILoggingEvent> events = received.await(400 + OTHER_EVENTS, Duration.ofSeconds(60));
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                for (CompletableFuture<RawTlsClient> connection : List.of(first, second, other)) {
                    connection.get(60, TimeUnit.SECONDS).close();
                }
                List<Long> otherArrivals = received.arrivals().stream()
                        .filter(a -> a.event().getFormattedMessage().startsWith("other")).map(ReceivedEvents.Arrival::nanoTime)
                        .toList();
                long otherSpanMillis = (otherArrivals.get(otherArrivals.size() - 1) - otherArrivals.get(0)) / 1_000_000;
                System.out.printf("client1: 400 events in %d ms; client2: %d events within %d ms%n", elapsedMillis,
                        otherArrivals.size(), otherSpanMillis);

                assertThat(events).hasSize(400 + OTHER_EVENTS);
                assertThat(elapsedMillis).as("300 events beyond the burst at 100/s").isGreaterThanOrEqualTo(2_800);
                assertThat(otherArrivals).as("client2's events").hasSize(OTHER_EVENTS);
                assertThat(otherSpanMillis).as("client2 has its own budget: its events never waited for a token (at"
                        + " 100/s, %d that did would span %d ms or more)", OTHER_EVENTS, (OTHER_EVENTS - 1) * 10)
                        .isLessThan((OTHER_EVENTS - 1) * 10L);
                assertThat(events).filteredOn(e -> e.getMDCPropertyMap().get("client.cn").equals("client2.test"))
                        .hasSize(OTHER_EVENTS);
                assertThat(meters.count("logshield.receiver.rate.limited")).isPositive();
                assertThat(meters.count("logshield.receiver.frames.dropped")).isZero();
                // the dispatcher counts an event after its appenders returned: the last one may still be counting
                assertThat(meters.awaitCount("logshield.receiver.events", 400, Duration.ofSeconds(5), "client",
                        "client1.test")).isEqualTo(400);
            } finally {
                context.stop();
            }
        }
    }

    /** Connects and writes {@code count} events at once (the write blocks while the receiver holds back). */
    private CompletableFuture<RawTlsClient> send(String client, int port, String prefix, int count) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                RawTlsClient connection = RawTlsClient.connect(pki, pki.client(client), port);
                StringBuilder frames = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    frames.append(RawTlsClient.octetCounted("rate", prefix + i));
                }
                connection.write(frames.toString());
                return connection;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
