package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A receiver's {@code <metricsRegistry>} that names no registry (a typo of the one the application registered) is a
 * status warning naming it, the names that are known and how to register one, as for every LogShield component; the
 * receiver starts anyway, with its metrics off.
 */
class MisspeltMetricsRegistryIsReportedTest {

    @Test
    void theReceiverWarnsNamingTheRegistryAndWhatIsKnownThenStarts() {
        try (TestMeters meters = TestMeters.register()) {
            String misspelt = meters.name().replace("registry", "registyr");
            LoggerContext context = ReceiverContexts.configure(getClass().getSimpleName(), SharedPki.get(),
                    Map.of("registry", misspelt));
            try {
                ReceiverContexts.startedReceiver(context);
                assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).as("warnings")
                        .filteredOn(w -> w.contains("'" + misspelt + "'")).singleElement().asString()
                        .contains("MtlsReceiver", "metrics are off", "'global'", "'none'", meters.name(),
                                "MicrometerRegistries.register(\"" + misspelt + "\", registry)");
            } finally {
                context.stop();
            }
        }
    }
}
