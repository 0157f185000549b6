package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redactions are counted per rule in the Micrometer registry named in logback.xml. */
class RedactionMetricsArePublishedTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @AfterEach
    void unregister() {
        MicrometerRegistries.unregister("redaction-metrics-test");
    }

    @Test
    void hitsAreCountedPerRule() {
        MicrometerRegistries.register("redaction-metrics-test", registry);
        try (LogbackHarness logback = LogbackHarness.configure("RedactionMetricsArePublishedTest", dir)) {
            logback.logger("x").info("a jane.doe@example.com b john.roe@example.com card 4111111111111111");
            assertThat(registry.get("logshield.redactions").tag("rule", "email").counter().count()).isEqualTo(2.0);
            assertThat(registry.get("logshield.redactions").tag("rule", "credit-card").counter().count()).isEqualTo(1.0);
        }
    }
}
