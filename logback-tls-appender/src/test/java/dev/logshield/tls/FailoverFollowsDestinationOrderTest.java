package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several {@code <destination>}s are tried in order: with the first one down, events go to the second. With
 * {@code <preferPrimary>true</preferPrimary>} (the default) every reconnect starts again from the first, so the
 * appender fails back to the primary once it is up and the current connection ends; with {@code false} it stays
 * where it works. Destinations are host names resolved when connecting, not at start: {@code localhost:port} of a
 * collector that is not up yet at start is reached once it is.
 */
class FailoverFollowsDestinationOrderTest {

    private final TestPki pki = SharedPki.get();

    @Test
    void eventsGoToTheSecondDestinationWhileTheFirstIsDown() {
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer primary = downServer(); TlsTestServer secondary = downServer();
                TestMeters meters = TestMeters.register()) {
            String secondaryName = "localhost:" + secondary.port();
            LoggerContext context = configure("127.0.0.1:" + primary.port(), secondaryName, true, meters);
            context.getLogger("app").info("event <1>");
            assertThat(meters.awaitCount("logshield.tls.connect_failures", 2, Duration.ofSeconds(5), "destination",
                    secondaryName)).as("the name is tried, unsuccessfully, while nobody listens").isGreaterThanOrEqualTo(2);

            secondary.restart();
            secondary.awaitReceived("event <1>", Duration.ofSeconds(5));
            assertThat(meters.gauge("logshield.tls.connected", "destination", secondaryName)).isEqualTo(1);
            assertThat(meters.gauge("logshield.tls.connected", "destination", "127.0.0.1:" + primary.port())).isZero();
            assertThat(meters.count("logshield.tls.connect_failures", "destination", "127.0.0.1:" + primary.port()))
                    .isGreaterThanOrEqualTo(1);
            assertThat(primary.connections()).isEmpty();
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "preferPrimary {0}")
    @ValueSource(booleans = {true, false})
    void theNextReconnectFailsBackToThePrimaryOnlyWhenPreferred(boolean preferPrimary) {
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer primary = downServer(); TlsTestServer secondary = TlsTestServer.builder(pki).start();
                TestMeters meters = TestMeters.register()) {
            String primaryName = "127.0.0.1:" + primary.port();
            String secondaryName = "127.0.0.1:" + secondary.port();
            LoggerContext context = configure(primaryName, secondaryName, preferPrimary, meters);
            context.getLogger("app").info("while the primary is down");
            secondary.awaitReceived("while the primary is down", Duration.ofSeconds(5));

            primary.restart();
            context.getLogger("app").info("primary up, same connection");
            secondary.awaitReceived("primary up, same connection", Duration.ofSeconds(5));
            assertThat(primary.connections()).as("no reconnect without a reason").isEmpty();

            secondary.dropConnections();
            TlsTestServer preferred = preferPrimary ? primary : secondary;
            String preferredName = preferPrimary ? primaryName : secondaryName;
            assertThat(meters.awaitCount("logshield.tls.reconnects", 2, Duration.ofSeconds(5))).isEqualTo(2);
            assertThat(meters.gauge("logshield.tls.connected", "destination", preferredName)).isEqualTo(1);
            context.getLogger("app").info("after the reconnect");
            preferred.awaitReceived("after the reconnect", Duration.ofSeconds(5));
            assertThat((preferPrimary ? secondary : primary).receivedText()).doesNotContain("after the reconnect");
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    /** A collector whose port is known but which is not listening yet: {@link TlsTestServer#restart()} starts it. */
    private TlsTestServer downServer() {
        TlsTestServer server = TlsTestServer.builder(pki).start();
        server.stop();
        return server;
    }

    private LoggerContext configure(String primary, String secondary, boolean preferPrimary, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "primary", primary, "secondary", secondary, "preferPrimary", Boolean.toString(preferPrimary),
                "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                "caCert", pki.caCert().toString(), "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }
}
