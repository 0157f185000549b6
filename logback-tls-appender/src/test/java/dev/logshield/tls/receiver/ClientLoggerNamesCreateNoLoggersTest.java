package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.Waits;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Received events go through the receiver context's logger configuration like local ones: the configured logger
 * {@code shop} (level WARN, its own appender, additivity off) takes the events of {@code shop.orders.deep.x} (an
 * INFO one is below its level), others go to the root's appender; the events keep the names they were sent with,
 * and no logger is created for those names (a client cannot fill the context with loggers). With
 * {@code <statsInterval>} the counters are summed up in a status line.
 */
class ClientLoggerNamesCreateNoLoggersTest {

    private static final String NAME = "ClientLoggerNamesCreateNoLoggersTest";

    private final TestPki pki = SharedPki.get();

    @Test
    void eventsFollowTheLoggerConfigurationWithoutCreatingLoggers() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name()));
            int port = ReceiverContexts.startedReceiver(context).localPort();
            ReceivedEvents shop = (ReceivedEvents) context.getLogger("shop").getAppender("SHOP");
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
                client.write(RawTlsClient.octetCounted(14, "shop.orders.deep.x", "below the level of shop")
                        + RawTlsClient.octetCounted(12, "shop.orders.deep.x", "to the shop appender")
                        + RawTlsClient.octetCounted(14, "other.thing", "to the root appender"));
                assertThat(ReceiverContexts.received(context).await(1, Duration.ofSeconds(5)))
                        .extracting(ILoggingEvent::getFormattedMessage).containsExactly("to the root appender");
                assertThat(shop.await(1, Duration.ofSeconds(5))).singleElement().satisfies(e -> {
                    assertThat(e.getLoggerName()).isEqualTo("shop.orders.deep.x");
                    assertThat(e.getFormattedMessage()).isEqualTo("to the shop appender");
                });
                assertThat(meters.awaitCount("logshield.receiver.events", 3, Duration.ofSeconds(2))).isEqualTo(3);
            }
            assertThat(context.exists("shop.orders")).isNull();
            assertThat(context.exists("other")).isNull();
            // the stats line comes every 100 ms, from the receiver's own thread: wait for one with the counts
            String stats = "receiver :" + port + ": ";
            long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
            while (System.nanoTime() < deadline && XmlConfiguredContext.statuses(context, Status.INFO).stream()
                    .noneMatch(s -> s.startsWith(stats) && s.contains("1 accepted") && s.contains("3 events"))) {
                Thread.sleep(20);
            }
            assertThat(XmlConfiguredContext.statuses(context, Status.INFO)).anySatisfy(s -> assertThat(s)
                    .startsWith(stats).contains("1 accepted", "3 events"));
            context.stop();
        }
    }
}
