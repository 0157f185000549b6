package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Events below their logger's level would not be logged anyway: they spend no token and are not counted as
 * suppressed; neither do {@code isXxxEnabled()} checks. Enabled DEBUG events are limited like any other.
 */
class DisabledEventsSpendNoTokensTest {

    @Test
    void disabledCallsAndLevelChecksLeaveTheBucketFull() {
        try (RateLimitHarness logback = RateLimitHarness.configure("DisabledEventsSpendNoTokensTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());
            Logger app = logback.logger("app");

            for (int i = 0; i < 100; i++) {
                app.debug("disabled {}", i);
                app.trace("disabled {}", i);
                app.atDebug().addKeyValue("i", i).log("disabled fluent");
                assertThat(app.isInfoEnabled()).isTrue();
                assertThat(app.isDebugEnabled()).isFalse();
            }
            assertThat(limiter.totalSuppressed()).isZero();

            for (int i = 0; i < 4; i++) {
                app.info("enabled {}", i);
            }
            assertThat(logback.messages("app")).containsExactly("enabled 0", "enabled 1", "enabled 2");
            assertThat(limiter.suppressed("app")).isEqualTo(1);
        }
    }

    @Test
    void enabledDebugEventsAreLimited() {
        try (RateLimitHarness logback = RateLimitHarness.configure("DisabledEventsSpendNoTokensTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());
            Logger verbose = logback.logger("verbose");

            for (int i = 0; i < 10; i++) {
                verbose.debug("debug {}", i);
            }
            assertThat(logback.messages("verbose")).hasSize(3);
            assertThat(limiter.suppressed("verbose")).isEqualTo(7);
        }
    }
}
