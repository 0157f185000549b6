package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * In template mode the key is the unformatted pattern: the same pattern with different arguments shares one
 * bucket (whichever logger uses it), and different patterns have their own.
 */
class TemplateModeSharesBucketPerPatternTest {

    @Test
    void samePatternSharesDifferentPatternsDoNot() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("TemplateModeSharesBucketPerPatternTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);
            Logger auth = logback.logger("com.acme.Auth");
            Logger orders = logback.logger("com.acme.Orders");

            for (int i = 0; i < 10; i++) {
                auth.info("User {} logged in", "user" + i);
            }
            for (int i = 0; i < 10; i++) {
                auth.info("Order {} placed by {}", i, "user" + i);
            }
            for (int i = 0; i < 5; i++) {
                orders.info("User {} logged in", "other" + i);
            }

            assertThat(logback.messages("com.acme.Auth")).containsExactly(
                    "User user0 logged in", "User user1 logged in", "User user2 logged in",
                    "Order 0 placed by user0", "Order 1 placed by user1", "Order 2 placed by user2");
            assertThat(logback.messages("com.acme.Orders")).as("same pattern, other logger: same bucket").isEmpty();
            assertThat(limiter.suppressed("User {} logged in")).isEqualTo(7 + 5);
            assertThat(limiter.suppressed("Order {} placed by {}")).isEqualTo(7);
            assertThat(limiter.suppressed("User user9 logged in")).as("never the formatted message").isZero();
            assertThat(limiter.suppressed("com.acme.Auth")).as("not keyed by logger").isZero();
        }
    }
}
