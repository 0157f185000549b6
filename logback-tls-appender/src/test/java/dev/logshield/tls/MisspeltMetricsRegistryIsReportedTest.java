package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code <metricsRegistry>} that names no registry (a typo of the one the application registered) is a status
 * warning naming it, the names that are known and how to register one, as for every LogShield component; the
 * appender starts anyway and delivers, with its metrics off.
 */
class MisspeltMetricsRegistryIsReportedTest {

    private final TestPki pki = SharedPki.get();

    @Test
    void theAppenderWarnsNamingTheRegistryAndWhatIsKnownThenDelivers() {
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            String misspelt = meters.name().replace("registry", "registyr");
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", misspelt));
            try {
                assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).as("started").isTrue();
                assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).as("warnings")
                        .filteredOn(w -> w.contains("'" + misspelt + "'")).singleElement().asString()
                        .contains("MtlsAppender [SHIP]", "metrics are off", "'global'", "'none'", meters.name(),
                                "MicrometerRegistries.register(\"" + misspelt + "\", registry)");

                context.getLogger("app").info("delivered without metrics");
                server.awaitReceived("delivered without metrics", Duration.ofSeconds(10));
                assertThat(meters.count("logshield.tls.sent")).as("nothing published on the registry meant").isZero();
            } finally {
                context.stop();
            }
        }
    }
}
