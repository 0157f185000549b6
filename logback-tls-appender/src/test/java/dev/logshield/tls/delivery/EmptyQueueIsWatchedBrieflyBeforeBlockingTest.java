package dev.logshield.tls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Right after events came, the sender looks at an empty queue every millisecond instead of blocking on it, so that
 * an application thread's {@code offer} finds no waiter to wake (a system call per event otherwise); after a quiet
 * spell it blocks, and the next event wakes it. Either way an event is drained promptly and nothing is lost, and
 * {@code stop()}'s interrupt ends the wait.
 *
 * <p>The linger lasts {@value DeliveryQueue#LINGER_NANOS} ns, less than a busy machine may take to schedule a thread,
 * so what the sender is parked on is only judged from a sample taken while it surely lingers (parked, and within the
 * linger of the last event by the clock); samples that came too late are taken again. "Promptly" is bounded against
 * a wait of a minute, which is what a sender that missed the event would take.
 */
class EmptyQueueIsWatchedBrieflyBeforeBlockingTest {

    private static final byte[] EVENT = {'x'};
    /** The wait handed to {@code drain}: a sender that missed the offered event would wait all of it. */
    private static final long WAIT_MS = 60_000;
    /** How long the lingering sender is sampled for, sample after sample, on a very busy machine. */
    private static final long SAMPLING_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Test
    void whileEventsKeepComingTheSenderIsNotRegisteredAsAWaiter() throws Exception {
        long samplingEnds = System.nanoTime() + SAMPLING_NANOS;
        int attempts = 0;
        while (true) {
            attempts++;
            DeliveryQueue queue = new DeliveryQueue(16);
            List<byte[]> batch = new ArrayList<>();
            Thread sender = Thread.currentThread();
            CountDownLatch drained1 = new CountDownLatch(1);
            long[] lingerEnds = new long[1];
            CompletableFuture<Sample> sampled = CompletableFuture.supplyAsync(() -> {
                awaitQuietly(drained1);
                Sample sample = Sample.parked(sender, lingerEnds[0]);
                queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
                return sample;
            });
            queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
            // the sender lingers until LINGER_NANOS after the event it finds here, so at least until then
            long firstDrain = System.nanoTime();
            assertThat(queue.drain(batch, 16, 50)).isEqualTo(1);
            lingerEnds[0] = firstDrain + DeliveryQueue.LINGER_NANOS;
            drained1.countDown();
            long start = System.nanoTime();
            int drained = queue.drain(batch, 16, WAIT_MS);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Sample sample = sampled.get();

            assertThat(drained).isEqualTo(1);
            assertThat(tookMs).as("an event offered while lingering is picked up, not after the %d ms wait", WAIT_MS)
                    .isLessThan(WAIT_MS / 2);
            if (sample.whileLingering) {
                assertThat(sample.blocker).as("what the sender was parked on while lingering (attempt %d)", attempts)
                        .isEqualTo("none");
                return;
            }
            assertThat(System.nanoTime() - samplingEnds).as("no sample within the %d ms linger in %d attempts",
                    TimeUnit.NANOSECONDS.toMillis(DeliveryQueue.LINGER_NANOS), attempts).isNegative();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void afterAQuietSpellTheSenderBlocksAndTheNextEventWakesIt() throws Exception {
        DeliveryQueue queue = new DeliveryQueue(16);
        List<byte[]> batch = new ArrayList<>();
        queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
        queue.drain(batch, 16, 50);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(DeliveryQueue.LINGER_NANOS) + 20);

        Thread sender = Thread.currentThread();
        CompletableFuture<Sample> sampled = CompletableFuture.supplyAsync(() -> {
            Sample sample = Sample.parked(sender, Long.MAX_VALUE);
            queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
            return sample;
        });
        long start = System.nanoTime();
        int drained = queue.drain(batch, 16, WAIT_MS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(sampled.get().blocker).as("the sender waits on the queue's condition").isNotEqualTo("none");
        assertThat(drained).isEqualTo(1);
        assertThat(tookMs).as("woken by the offer, not at the end of the %d ms wait", WAIT_MS).isLessThan(WAIT_MS / 2);
    }

    /**
     * What {@code sender} was parked on ("none" for a plain park), sampled once it is parked, and whether that was
     * surely before {@code lingerEnds} ({@link System#nanoTime()}).
     */
    private record Sample(Object blocker, boolean whileLingering) {

        static Sample parked(Thread sender, long lingerEnds) {
            while (sender.getState() != Thread.State.TIMED_WAITING && sender.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            Object blocker = LockSupport.getBlocker(sender);
            boolean stillParked = sender.getState() == Thread.State.TIMED_WAITING;
            return new Sample(blocker == null ? "none" : blocker, stillParked && System.nanoTime() - lingerEnds < 0);
        }
    }

    @Test
    void anEmptyQueueReturnsNothingWhenTheWaitEnds() throws InterruptedException {
        DeliveryQueue queue = new DeliveryQueue(16);
        List<byte[]> batch = new ArrayList<>();
        queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
        queue.drain(batch, 16, 50);

        assertThat(queue.drain(batch, 16, 30)).isZero(); // lingers, then blocks for the rest of the 30 ms
        assertThat(queue.drain(batch, 16, 0)).isZero();
        assertThat(batch).hasSize(1);
    }

    @Test
    void anInterruptEndsTheWaitWhileLingeringAndWhileBlocked() throws Exception {
        for (long quietMs : new long[] {0, TimeUnit.NANOSECONDS.toMillis(DeliveryQueue.LINGER_NANOS) + 20}) {
            DeliveryQueue queue = new DeliveryQueue(16);
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            CountDownLatch waiting = new CountDownLatch(1);
            Thread sender = new Thread(() -> {
                List<byte[]> batch = new ArrayList<>();
                try {
                    queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
                    queue.drain(batch, 16, 50);
                    Thread.sleep(quietMs);
                    waiting.countDown();
                    queue.drain(batch, 16, 60_000);
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            sender.start();
            waiting.await();
            Thread.sleep(2);
            sender.interrupt();

            assertThatThrownBy(() -> {
                Throwable t = outcome.get(60, TimeUnit.SECONDS);
                if (t != null) {
                    throw new ExecutionException(t);
                }
            }).as("after %d ms of quiet", quietMs).hasCauseInstanceOf(InterruptedException.class);
        }
    }
}
