package dev.logshield.tls.receiver;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code <maxEventsPerSecond>} per client identity: one token bucket per client, shared by all of its connections,
 * refilled at that rate and holding at most one second's worth (the burst). A connection that finds the bucket
 * empty waits before it reads on: the client is slowed down through TCP flow control, nothing is dropped. Waiting
 * connections queue fairly: each reserves its token and sleeps until it is due. Thread-safe; a client's bucket is
 * forgotten when its last connection leaves.
 */
final class ClientRateLimiter {

    private final double tokensPerNano;
    private final double capacity;
    private final Map<String, Bucket> buckets = new HashMap<>();

    ClientRateLimiter(int eventsPerSecond) {
        this.tokensPerNano = eventsPerSecond / 1e9;
        this.capacity = eventsPerSecond;
    }

    /** The bucket of client {@code key}, shared with its other connections; call {@link #leave} when done. */
    synchronized Bucket join(String key) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket());
        bucket.users++;
        return bucket;
    }

    /** One connection of client {@code key} is gone. */
    synchronized void leave(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null && --bucket.users == 0) {
            buckets.remove(key);
        }
    }

    /** One client's tokens. */
    final class Bucket {
        private double tokens = capacity;
        private long last = System.nanoTime();
        private int users;

        /**
         * Takes one token, waiting until it is due when there is none.
         *
         * @return the nanoseconds waited, 0 when a token was there
         * @throws InterruptedException when the receiver stops during the wait
         */
        long take() throws InterruptedException {
            long wait = reserve();
            if (wait <= 0) {
                return 0;
            }
            long due = System.nanoTime() + wait;
            for (long left = wait; left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException("rate-limit wait interrupted");
                }
            }
            return wait;
        }

        private synchronized long reserve() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
            tokens -= 1;
            return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
        }

        @Override
        public String toString() {
            return "Bucket[" + (long) capacity + "/s, users=" + users + "]";
        }
    }
}
