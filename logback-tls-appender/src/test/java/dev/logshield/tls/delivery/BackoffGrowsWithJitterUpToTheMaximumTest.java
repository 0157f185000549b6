package dev.logshield.tls.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The reconnect backoff itself, without a clock: the first wait is the minimum, the n-th a random time between the
 * minimum and {@code min * 2^n}, never above the maximum, so later waits are longer on average and differ from one
 * another; a reset starts over. {@link dev.logshield.tls.ReconnectBacksOffWithJitterTest} shows the appender waits
 * them.
 */
class BackoffGrowsWithJitterUpToTheMaximumTest {

    private static final long MIN_MS = 50;
    private static final long MAX_MS = 400;
    private static final int RUNS = 1_000;
    private static final int FAILURES = 12;

    @Test
    void eachWaitIsWithinItsCeilingAndTheMaximum() {
        for (int run = 0; run < RUNS; run++) {
            Backoff backoff = new Backoff(MIN_MS, MAX_MS);
            for (int n = 0; n < FAILURES; n++) {
                long ceiling = Math.min(MAX_MS, MIN_MS << n);
                assertThat(backoff.nextDelayMs()).as("wait after failure %d", n + 1).isBetween(MIN_MS, ceiling);
            }
            assertThat(backoff.failures()).isEqualTo(FAILURES);
            backoff.reset();
            assertThat(backoff.nextDelayMs()).as("first wait after a reset").isEqualTo(MIN_MS);
        }
    }

    @Test
    void laterWaitsAreLongerOnAverageAndJittered() {
        List<Long> first = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Backoff backoff = new Backoff(MIN_MS, MAX_MS);
            for (int n = 0; n < FAILURES; n++) {
                (n == 0 ? first : n >= 4 ? later : new ArrayList<Long>()).add(backoff.nextDelayMs());
            }
        }
        assertThat(first).as("the first wait: the minimum").containsOnly(MIN_MS);
        // uniform in [50, 400] from the fifth failure on: mean 225; 8,000 of them are within a few ms of it
        double mean = later.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(mean).as("mean of the later waits").isBetween(200.0, 250.0);
        assertThat(later).as("the later waits reach the maximum and the minimum").contains(MAX_MS, MIN_MS);
        assertThat(LongStream.rangeClosed(MIN_MS, MAX_MS).filter(later::contains).count())
                .as("distinct later waits (jitter)").isGreaterThan(300);
    }
}
