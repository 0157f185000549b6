package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * A flood on a key that then goes silent (no next event to trigger the summary) is summarised by the check that
 * runs every second on the Logback context's scheduler.
 */
class QuietFloodIsSummarisedBySchedulerTest {

    @Test
    void schedulerSummarisesKeysThatWentQuiet() throws InterruptedException {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("QuietFloodIsSummarisedBySchedulerTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter();
            limiter.nanoClock = clock;
            limiter.wallClock = clock::wallMillis;
            Logger app = logback.logger("app");
            for (int i = 0; i < 12; i++) {
                app.info("event {}", i);
            }
            clock.advanceMillis(1500);

            // waits for the scheduler, which runs every second; this bounds the wait, it does not time anything
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (logback.summaries().isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }

            assertThat(logback.summaries()).singleElement().satisfies(s -> assertThat(OneSummaryPerFloodTest.keyValues(s))
                    .containsEntry("suppressed", 7L).containsEntry("key", "app"));
        }
    }
}
