package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The appender's Micrometer meters, in the registry named by {@code <metricsRegistry>}, tagged with the appender's
 * name: queue size and capacity gauges, {@code sent}, {@code replayed}, {@code reconnects}, the
 * {@code connected{destination}} gauge going to 1 on connect and back to 0 when the collector goes away, and
 * {@code handshake_failures{reason=client-rejected}} for a client certificate the collector's allow-list refuses
 * after the TLS 1.3 handshake.
 */
class DeliveryMetricsAreExposedTest {

    private final TestPki pki = SharedPki.get();

    @Test
    void deliveryIsMeasured() {
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            String destination = "127.0.0.1:" + server.port();
            LoggerContext context = configure(server, "client1", meters);
            Logger logger = context.getLogger("app");
            assertThat(meters.gauge("logshield.tls.queue.capacity", "appender", "SHIP")).isEqualTo(500);
            assertThat(meters.awaitGauge("logshield.tls.connected", v -> v == 1, Duration.ofSeconds(5),
                    "appender", "SHIP", "destination", destination)).isEqualTo(1);
            assertThat(meters.count("logshield.tls.reconnects", "appender", "SHIP")).isEqualTo(1);

            log(logger, "first", 100);
            assertThat(meters.awaitCount("logshield.tls.sent", 100, Duration.ofSeconds(5), "appender", "SHIP")).isEqualTo(100);
            assertThat(meters.gauge("logshield.tls.queue.size", "appender", "SHIP")).isZero();
            server.awaitReceived("first <99>", Duration.ofSeconds(5));

            server.dropConnections();
            assertThat(meters.awaitCount("logshield.tls.reconnects", 2, Duration.ofSeconds(5), "appender", "SHIP")).isEqualTo(2);
            assertThat(meters.awaitCount("logshield.tls.replayed", 10, Duration.ofSeconds(2), "appender", "SHIP"))
                    .as("the replay window, re-sent").isEqualTo(10);
            assertThat(meters.count("logshield.tls.sent", "appender", "SHIP")).as("replayed events are written again")
                    .isEqualTo(110);

            server.stop();
            assertThat(meters.awaitGauge("logshield.tls.connected", v -> v == 0, Duration.ofSeconds(2),
                    "appender", "SHIP", "destination", destination)).isZero();
            log(logger, "while away", 50);
            assertThat(meters.gauge("logshield.tls.queue.size", "appender", "SHIP")).isEqualTo(50);
            assertThat(meters.awaitCount("logshield.tls.connect_failures", 1, Duration.ofSeconds(2), "appender", "SHIP",
                    "destination", destination)).isPositive();
            context.stop();
            assertThat(meters.count("logshield.tls.dropped", "appender", "SHIP", "reason", "undelivered-at-stop"))
                    .isEqualTo(50);
        }
    }

    @Test
    void aClientOffTheAllowListIsCountedAsRejected() {
        try (TlsTestServer server = TlsTestServer.builder(pki).allowedClients("client1.test").start();
                TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, "client2", meters);
            context.getLogger("app").info("never delivered");
            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 2, Duration.ofSeconds(5),
                    "appender", "SHIP", "reason", "client-rejected")).isGreaterThanOrEqualTo(2);
            assertThat(Statuses.awaitError(context, "TLS refused (client-rejected)", Duration.ofSeconds(1)))
                    .singleElement().asString().contains("most likely rejected our client certificate (not on its allow-list?)");
            assertThat(server.connections()).allSatisfy(c -> assertThat(c.failure()).contains("client2.test", "allow-list"));
            assertThat(meters.count("logshield.tls.reconnects", "appender", "SHIP")).isZero();
            assertThat(meters.gauge("logshield.tls.connected", "appender", "SHIP", "destination",
                    "127.0.0.1:" + server.port())).isZero();
            assertThat(server.receivedText()).isEmpty();
            context.stop();
        }
    }

    private LoggerContext configure(TlsTestServer server, String client, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client(client).chain().toString(),
                "clientKey", pki.client(client).key().toString(), "caCert", pki.caCert().toString(),
                "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }

    private static void log(Logger logger, String what, int count) {
        for (int i = 0; i < count; i++) {
            logger.info("{} <{}>", what, i);
        }
    }
}
