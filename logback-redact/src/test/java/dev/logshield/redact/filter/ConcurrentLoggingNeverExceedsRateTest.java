package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Eight threads flooding one logger on the real clock: nobody blocks or deadlocks, no more than
 * {@code burst + rate * elapsed} events get through, and every event is either appended or counted as suppressed.
 */
class ConcurrentLoggingNeverExceedsRateTest {

    private static final int THREADS = 8;
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(800);

    @Test
    void eightThreadsStayWithinTheBucket() throws Exception {
        try (RateLimitHarness logback = RateLimitHarness.configure("ConcurrentLoggingNeverExceedsRateTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter();
            Logger flood = logback.logger("flood");
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> attempts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                attempts.add(pool.submit(() -> {
                    go.await();
                    long n = 0;
                    long end = System.nanoTime() + RUN_NANOS;
                    while (System.nanoTime() - end < 0) {
                        flood.info("thread {} event {}", thread, n++);
                    }
                    return n;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("no thread blocked or deadlocked").isTrue();
            double elapsedSeconds = (System.nanoTime() - start) / 1e9;

            long total = 0;
            for (Future<Long> f : attempts) {
                total += f.get();
            }
            long allowed = logback.messages("flood").size();
            assertThat(allowed).as("at least the burst").isGreaterThanOrEqualTo(500)
                    .as("at most burst + rate x elapsed").isLessThanOrEqualTo((long) (500 + 1000 * elapsedSeconds));
            assertThat(allowed + limiter.suppressed("flood")).as("every event appended or counted").isEqualTo(total);
            assertThat(total).as("the threads really flooded").isGreaterThan(allowed);
        }
    }
}
