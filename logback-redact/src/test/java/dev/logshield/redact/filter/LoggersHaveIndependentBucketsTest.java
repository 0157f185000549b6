package dev.logshield.redact.filter;

import static dev.logshield.redact.filter.BurstThenSustainedRateTest.logAndCount;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** In logger mode a flooding logger uses up its own bucket only: other loggers keep theirs. */
class LoggersHaveIndependentBucketsTest {

    @Test
    void floodOnOneLoggerLeavesOthersAlone() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("LoggersHaveIndependentBucketsTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);

            assertThat(logAndCount(logback, logback.logger("com.acme.Noisy"), 10)).isEqualTo(3);
            assertThat(logAndCount(logback, logback.logger("com.acme.Quiet"), 2)).isEqualTo(2);
            assertThat(logAndCount(logback, logback.logger("com.acme.Noisy.Child"), 10))
                    .as("a child logger is a key of its own").isEqualTo(3);
            clock.advanceMillis(1000);
            assertThat(logAndCount(logback, logback.logger("com.acme.Noisy"), 10)).isEqualTo(1);
            assertThat(logAndCount(logback, logback.logger("com.acme.Quiet"), 10)).isEqualTo(2);

            assertThat(limiter.suppressed("com.acme.Noisy")).isEqualTo(7 + 9);
            assertThat(limiter.suppressed("com.acme.Noisy.Child")).isEqualTo(7);
            assertThat(limiter.suppressed("com.acme.Quiet")).isEqualTo(8);
            assertThat(limiter.suppressed("com.acme.Unknown")).isZero();
            assertThat(limiter.totalSuppressed()).isEqualTo(16 + 7 + 8);
        }
    }
}
