package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MarkerFactory;

/**
 * Denials are counted per rule id (named with {@code #id}, else {@code rule-N}), readable with
 * {@code deniedBy(id)} and published as the Micrometer counter {@code logshield.access.denied{rule=id}} on the
 * registry named by {@code <metricsRegistry>}, Micrometer's global registry by default.
 */
class DenialsAreCountedPerRuleTest {

    @TempDir
    Path dir;

    @Test
    void countsPerRuleOnANamedRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerRegistries.register("acl-test", registry);
        try (LogbackHarness logback = LogbackHarness.configure("DenialsAreCountedPerRuleTest", dir)) {
            Logger payments = logback.logger("com.acme.payments.Ledger");
            payments.debug("denied by payments-debug");
            payments.info("denied by payments-debug");
            payments.warn("kept");
            logback.logger("y").info(MarkerFactory.getDetachedMarker("SENSITIVE"), "denied by rule-2");

            AccessControlTurboFilter filter = logback.filter();
            assertThat(filter.deniedBy("payments-debug")).isEqualTo(2);
            assertThat(filter.deniedBy("rule-2")).isEqualTo(1);
            assertThat(filter.deniedBy("rule-3")).isZero(); // an allow rule denies nothing
            assertThat(filter.deniedBy("no-such-rule")).isZero();
            assertThat(filter.deniedBy(null)).isZero();

            assertThat(counter(registry, "payments-debug").count()).isEqualTo(2.0);
            assertThat(counter(registry, "rule-2").count()).isEqualTo(1.0);
            assertThat(counter(registry, "not-started").count()).isZero(); // published from the start, for alerts
            assertThat(counter(registry, "internal-error").count()).isZero();
            assertThat(registry.find("logshield.access.denied").tag("rule", "rule-3").counter()).isNull();
        } finally {
            MicrometerRegistries.unregister("acl-test");
        }
    }

    @Test
    void countsReachTheGlobalRegistryByDefault() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try (LogbackHarness logback = LogbackHarness.configure("DenialsAreCountedPerRuleTest-global", dir)) {
            logback.logger("com.acme.payments.Ledger").error("denied");

            assertThat(Metrics.globalRegistry.get("logshield.access.denied").tag("rule", "acl-global-check")
                    .counter().count()).isEqualTo(1.0);
            assertThat(counter(registry, "acl-global-check").count()).isEqualTo(1.0);
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    private static Counter counter(SimpleMeterRegistry registry, String rule) {
        return registry.get("logshield.access.denied").tag("rule", rule).counter();
    }
}
