package dev.logshield.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate opens the first time at once, then not again within its interval, and exactly once for racing threads.
 * "Within" is shown with an interval of an hour, which no pause of a busy machine can reach, and "again after" with a
 * short one and a longer sleep, which a busy machine only makes longer.
 */
class ReportGateOpensOncePerIntervalTest {

    @Test
    void opensAtOnceThenNotAgainWithinTheInterval() {
        ReportGate gate = new ReportGate(Duration.ofHours(1));
        assertThat(gate.tryOpen()).isTrue();
        assertThat(gate.tryOpen()).isFalse();
        assertThat(gate.tryOpen()).isFalse();
    }

    @Test
    void opensAgainOnceTheIntervalHasPassed() throws Exception {
        ReportGate gate = new ReportGate(Duration.ofMillis(200));
        assertThat(gate.tryOpen()).isTrue();
        Thread.sleep(250);
        assertThat(gate.tryOpen()).isTrue();
    }

    @Test
    void racingThreadsGetThroughOnce() throws Exception {
        ReportGate gate = new ReportGate(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> opened = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            opened.add(pool.submit(() -> {
                go.await();
                int n = 0;
                for (int i = 0; i < 10_000; i++) {
                    n += gate.tryOpen() ? 1 : 0;
                }
                return n;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : opened) {
            total += f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(total).isEqualTo(1);
    }
}
