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
 * drop), and the slowing is counted in {@code rate.limited}. Another client meanwhile has its own budget and is
 * not slowed.
 */
class FastClientIsSlowedNotDroppedTest {

    private static final String NAME = "FastClientIsSlowedNotDroppedTest";

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
                CompletableFuture<RawTlsClient> other = send("client2", port, "other", 50);
                received.await(50, Duration.ofSeconds(5));
                await(() -> received.events().stream().filter(e -> e.getFormattedMessage().startsWith("other")).count() == 50);
                long otherDone = System.nanoTime();
                List<ILoggingEvent> events = received.await(450, Duration.ofSeconds(15));
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                for (CompletableFuture<RawTlsClient> connection : List.of(first, second, other)) {
                    connection.get(5, TimeUnit.SECONDS).close();
                }

                assertThat(events).hasSize(450);
                assertThat(elapsedMillis).as("300 events beyond the burst at 100/s").isGreaterThanOrEqualTo(2_800);
                assertThat((otherDone - start) / 1_000_000).as("client2 has its own budget").isLessThan(2_000);
                assertThat(events).filteredOn(e -> e.getMDCPropertyMap().get("client.cn").equals("client2.test"))
                        .hasSize(50);
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

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
