package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * A key may log a full burst at once, then only at the sustained rate, and never more than a burst however long
 * it was quiet; the default burst is twice the rate; fractional rates work; a clock that wraps around is harmless.
 */
class BurstThenSustainedRateTest {

    @Test
    void burstAtOnceThenRatePerSecond() {
        // System.nanoTime() may be anywhere: start half a second before it wraps around
        FakeClock clock = new FakeClock(Long.MAX_VALUE - 500_000_000L);
        try (RateLimitHarness logback = RateLimitHarness.configure("BurstThenSustainedRateTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);
            Logger app = logback.logger("app");

            assertThat(logAndCount(logback, app, 300)).as("default burst: twice the rate").isEqualTo(200);
            clock.advanceMillis(1000);
            assertThat(logAndCount(logback, app, 300)).as("one second at 100/s").isEqualTo(100);
            clock.advanceMillis(10);
            assertThat(logAndCount(logback, app, 5)).as("10 ms at 100/s").isEqualTo(1);
            clock.advanceMillis(60_000);
            assertThat(logAndCount(logback, app, 300)).as("a long quiet spell refills the burst, no more").isEqualTo(200);

            assertThat(limiter.suppressed("app")).isEqualTo(100 + 200 + 4 + 100);
            assertThat(limiter.totalSuppressed()).isEqualTo(404);
        }
    }

    @Test
    void fractionalRateAllowsOneEventPerInterval() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("BurstThenSustainedRateTest-fractional")) {
            logback.rateLimiter(clock);
            Logger app = logback.logger("app");

            assertThat(logAndCount(logback, app, 3)).as("default burst of 0.5/s is 1").isEqualTo(1);
            clock.advanceMillis(1000);
            assertThat(logAndCount(logback, app, 3)).isZero();
            clock.advanceMillis(1000);
            assertThat(logAndCount(logback, app, 3)).isEqualTo(1);
            clock.advanceMillis(1999);
            assertThat(logAndCount(logback, app, 1)).isZero();
            clock.advanceMillis(1);
            assertThat(logAndCount(logback, app, 1)).isEqualTo(1);
        }
    }

    /** Logs {@code n} INFO events and returns how many were appended. */
    static int logAndCount(RateLimitHarness logback, Logger logger, int n) {
        int before = logback.messages(logger.getName()).size();
        for (int i = 0; i < n; i++) {
            logger.info("event {}", i);
        }
        return logback.messages(logger.getName()).size() - before;
    }
}
