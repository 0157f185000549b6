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
 */
class EmptyQueueIsWatchedBrieflyBeforeBlockingTest {

    private static final byte[] EVENT = {'x'};

    @Test
    void whileEventsKeepComingTheSenderIsNotRegisteredAsAWaiter() throws Exception {
        DeliveryQueue queue = new DeliveryQueue(16);
        List<byte[]> batch = new ArrayList<>();
        Thread sender = Thread.currentThread();
        CountDownLatch drained1 = new CountDownLatch(1);
        CompletableFuture<Object> blockerSeen = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(drained1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            Object blocker = LockSupport.getBlocker(sender);
            queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
            return blocker == null ? "none" : blocker;
        });
        queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
        assertThat(queue.drain(batch, 16, 50)).isEqualTo(1);
        drained1.countDown();
        long start = System.nanoTime();
        int drained = queue.drain(batch, 16, 5_000);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(blockerSeen.get()).as("what the sender was parked on while lingering").isEqualTo("none");
        assertThat(drained).isEqualTo(1);
        assertThat(tookMs).as("an event offered while lingering is picked up within a few slices").isLessThan(1_000);
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
        CompletableFuture<Object> blockerSeen = CompletableFuture.supplyAsync(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            Object blocker = LockSupport.getBlocker(sender);
            queue.offer(EVENT, OverflowPolicy.DROP_NEWEST, 0);
            return blocker == null ? "none" : blocker;
        });
        long start = System.nanoTime();
        int drained = queue.drain(batch, 16, 10_000);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(blockerSeen.get()).as("the sender waits on the queue's condition").isNotEqualTo("none");
        assertThat(drained).isEqualTo(1);
        assertThat(tookMs).as("woken by the offer, long before the 10 s wait ends").isLessThan(5_000);
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
                Throwable t = outcome.get(10, TimeUnit.SECONDS);
                if (t != null) {
                    throw new ExecutionException(t);
                }
            }).as("after %d ms of quiet", quietMs).hasCauseInstanceOf(InterruptedException.class);
        }
    }
}
