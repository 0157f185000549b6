package dev.logshield.tls.receiver;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counters that bound what clients can hold on the receiver, each claimed before the resource is used and
 * released exactly once:
 * <ul>
 * <li>connections in total, handshaking ones included ({@code <maxConnections>}): one thread each, so this also
 * bounds the receiver's threads;</li>
 * <li>unauthenticated (handshaking) connections per remote IP address ({@code <maxHandshakesPerAddress>}), so one
 * host stalling handshakes cannot take every slot before any certificate is seen;</li>
 * <li>authenticated connections per client identity ({@code <maxConnectionsPerClient>}).</li>
 * </ul>
 * Thread-safe, lock-free per key.
 */
final class ConnectionLimits {

    private final int maxConnections;
    private final int maxHandshakesPerAddress;
    private final int maxConnectionsPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> handshakes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> clients = new ConcurrentHashMap<>();

    ConnectionLimits(int maxConnections, int maxHandshakesPerAddress, int maxConnectionsPerClient) {
        this.maxConnections = maxConnections;
        this.maxHandshakesPerAddress = maxHandshakesPerAddress;
        this.maxConnectionsPerClient = maxConnectionsPerClient;
    }

    /** Claims a connection slot; false when {@code <maxConnections>} are open. */
    boolean tryOpen() {
        while (true) {
            int n = open.get();
            if (n >= maxConnections) {
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Releases a slot {@link #tryOpen} claimed. */
    void closed() {
        open.decrementAndGet();
    }

    /** Connections open now, handshaking ones included. */
    int open() {
        return open.get();
    }

    /** Claims a handshake slot for {@code address}; false when it already has its maximum handshaking. */
    boolean tryStartHandshake(InetAddress address) {
        return tryClaim(handshakes, address, maxHandshakesPerAddress);
    }

    /** Releases a slot {@link #tryStartHandshake} claimed. */
    void handshakeEnded(InetAddress address) {
        release(handshakes, address);
    }

    /** Claims a connection of the client {@code key}; false when it already has its maximum open. */
    boolean tryAdmitClient(String key) {
        return tryClaim(clients, key, maxConnectionsPerClient);
    }

    /** Releases a connection {@link #tryAdmitClient} claimed. */
    void clientLeft(String key) {
        release(clients, key);
    }

    /** Addresses with handshakes in progress (a map left empty when all are released: no leak per address). */
    int addressesHandshaking() {
        return handshakes.size();
    }

    private static <K> boolean tryClaim(Map<K, AtomicInteger> counts, K key, int max) {
        boolean[] claimed = {false};
        counts.compute(key, (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < max) {
                c.incrementAndGet();
                claimed[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return claimed[0];
    }

    private static <K> void release(Map<K, AtomicInteger> counts, K key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
