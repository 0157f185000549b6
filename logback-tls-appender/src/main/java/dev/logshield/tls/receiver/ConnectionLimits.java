package dev.logshield.tls.receiver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counters that bound what clients can hold on the receiver, each claimed before the resource is used and
 * released exactly once:
 * <ul>
 * <li>connections in total, handshaking ones included ({@code <maxConnections>}): one thread each, so this also
 * bounds the receiver's threads;</li>
 * <li>unauthenticated (handshaking) connections, per source network and in all ({@link HandshakeSlots},
 * {@code <maxHandshakesPerAddress>} and {@code <maxHandshakes>}), so that neither one host nor a flood from many
 * can take the slots before any certificate is seen;</li>
 * <li>authenticated connections per client identity ({@code <maxConnectionsPerClient>}).</li>
 * </ul>
 * Thread-safe, lock-free per key.
 */
final class ConnectionLimits {

    private final int maxConnections;
    private final int maxConnectionsPerClient;
    private final HandshakeSlots handshakes;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> clients = new ConcurrentHashMap<>();

    ConnectionLimits(int maxConnections, int maxHandshakes, int maxHandshakesPerAddress, int maxConnectionsPerClient) {
        this.maxConnections = maxConnections;
        this.maxConnectionsPerClient = maxConnectionsPerClient;
        this.handshakes = new HandshakeSlots(maxHandshakes, maxHandshakesPerAddress);
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

    /** The handshakes under way. */
    HandshakeSlots handshakes() {
        return handshakes;
    }

    /** Handshakes under way now. */
    int handshaking() {
        return handshakes.underWay();
    }

    /** Claims a connection of the client {@code key}; false when it already has its maximum open. */
    boolean tryAdmitClient(String key) {
        boolean[] claimed = {false};
        clients.compute(key, (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < maxConnectionsPerClient) {
                c.incrementAndGet();
                claimed[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return claimed[0];
    }

    /** Releases a connection {@link #tryAdmitClient} claimed. */
    void clientLeft(String key) {
        clients.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
