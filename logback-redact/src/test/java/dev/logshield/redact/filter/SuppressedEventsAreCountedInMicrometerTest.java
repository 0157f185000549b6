package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Suppressed events are counted in {@code logshield.ratelimit.suppressed} in the registry named in logback.xml,
 * tagged with the logger name in logger mode and with the fixed value {@code template} in template mode, so that
 * message patterns cannot blow up the metric's cardinality.
 */
class SuppressedEventsAreCountedInMicrometerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void register() {
        MicrometerRegistries.register("rl-test", registry);
    }

    @AfterEach
    void unregister() {
        MicrometerRegistries.unregister("rl-test");
    }

    @Test
    void loggerModeTagsTheLoggerName() {
        try (RateLimitHarness logback = RateLimitHarness.configure("SuppressedEventsAreCountedInMicrometerTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());
            flood(logback.logger("com.acme.Foo"), 10);
            flood(logback.logger("com.acme.Bar"), 5);
            flood(logback.logger("com.acme.Calm"), 2);

            assertThat(count("com.acme.Foo")).isEqualTo(8);
            assertThat(count("com.acme.Bar")).isEqualTo(3);
            assertThat(registry.find(RateLimitTurboFilter.SUPPRESSED_METER).tag("key", "com.acme.Calm").counter())
                    .as("no meter for a key that never had an event suppressed").isNull();
            assertThat(limiter.totalSuppressed()).isEqualTo(11);
        }
    }

    @Test
    void templateModeUsesOneFixedTag() {
        try (RateLimitHarness logback = RateLimitHarness.configure("SuppressedEventsAreCountedInMicrometerTest-template")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());
            Logger app = logback.logger("app");
            for (int i = 0; i < 10; i++) {
                app.info("User {} logged in", i);
                app.info("Order {} placed", i);
                app.info("concatenated " + i);
            }

            assertThat(count("template")).isEqualTo(8 + 8);
            assertThat(registry.find(RateLimitTurboFilter.SUPPRESSED_METER).counters()).hasSize(1);
            assertThat(limiter.totalSuppressed()).isEqualTo(16);
        }
    }

    private double count(String key) {
        Counter counter = registry.get(RateLimitTurboFilter.SUPPRESSED_METER).tag("key", key).counter();
        return counter.count();
    }

    private static void flood(Logger logger, int n) {
        for (int i = 0; i < n; i++) {
            logger.info("event {}", i);
        }
    }
}
