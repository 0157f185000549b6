package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * SLF4J 2 fluent-API events ({@code logger.atInfo()...log()}), which Logback routes through the second
 * {@code decide} method, are limited too, from the same bucket as the classic calls of the same logger.
 */
class FluentApiEventsAreLimitedTest {

    @Test
    void fluentEventsSpendTokensLikeClassicOnes() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("FluentApiEventsAreLimitedTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);
            Logger app = logback.logger("app");

            for (int i = 0; i < 10; i++) {
                app.atInfo().addKeyValue("i", i).log("fluent {}", i);
            }
            assertThat(logback.messages("app")).containsExactly("fluent 0", "fluent 1", "fluent 2");
            assertThat(limiter.suppressed("app")).isEqualTo(7);

            clock.advanceMillis(1000);
            app.info("classic");
            app.atInfo().log("fluent after classic");
            app.atWarn().log("fluent warning, exempt");
            assertThat(logback.messages("app")).endsWith("classic", "fluent warning, exempt");
            assertThat(limiter.suppressed("app")).isEqualTo(8);
        }
    }
}
