package dev.logshield.redact.filter;

import static dev.logshield.redact.filter.BurstThenSustainedRateTest.logAndCount;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;

/**
 * At most {@code maxKeys} keys get a bucket of their own; later keys share one overflow bucket, so memory stays
 * bounded whatever the keys are. The first overflow is reported once as a status warning.
 */
class KeysBeyondMaxKeysShareOverflowBucketTest {

    @Test
    void laterKeysShareOneBucket() {
        try (RateLimitHarness logback = RateLimitHarness.configure("KeysBeyondMaxKeysShareOverflowBucketTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());

            assertThat(logAndCount(logback, logback.logger("a"), 3)).isEqualTo(2);
            assertThat(logAndCount(logback, logback.logger("b"), 3)).isEqualTo(2);
            assertThat(logAndCount(logback, logback.logger("c"), 1)).isEqualTo(1);
            assertThat(logAndCount(logback, logback.logger("d"), 3)).as("shares c's bucket").isEqualTo(1);
            assertThat(logAndCount(logback, logback.logger("e"), 3)).isZero();
            assertThat(logAndCount(logback, logback.logger("a"), 1)).as("a keeps its own bucket").isZero();

            assertThat(limiter.suppressed(RateLimitTurboFilter.OVERFLOW_KEY)).isEqualTo(2 + 3);
            assertThat(limiter.suppressed("d")).as("not tracked on its own").isZero();
            assertThat(limiter.totalSuppressed()).isEqualTo(1 + 1 + 5 + 1);
            assertThat(logback.statusMessages(Status.WARN)).filteredOn(m -> m.contains("<maxKeys>")).hasSize(1);
        }
    }
}
