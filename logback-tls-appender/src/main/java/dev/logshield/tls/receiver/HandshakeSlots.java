package dev.logshield.tls.receiver;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The connections whose TLS handshake is under way, before any certificate is seen: at most
 * {@code <maxHandshakesPerAddress>} per {@link SourceNetwork} (an IPv4 address, an IPv6 /64), and at most
 * {@code <maxHandshakes>} in all, fewer than {@code <maxConnections>}, so that unauthenticated connections can never
 * hold the slots of the clients that have authenticated. When all {@code <maxHandshakes>} are taken, a new
 * connection displaces the oldest handshake under way (that connection is closed and counted as
 * {@value HandshakeFailures#DISPLACED}) instead of being refused: stalled handshakes from many networks then only
 * delay a client's handshake, they cannot lock it out until their {@code <handshakeTimeout>}. A real handshake
 * takes milliseconds; to displace it, more than {@code <maxHandshakes>} connections must arrive meanwhile. Slots
 * are claimed by the acceptor alone and released exactly once, by their connection or by the displacement.
 * Thread-safe.
 */
final class HandshakeSlots {

    private final int max;
    private final int maxPerNetwork;
    /** Oldest first. */
    private final Set<Slot> underWay = new LinkedHashSet<>();
    private final Map<String, Integer> perNetwork = new HashMap<>();

    HandshakeSlots(int max, int maxPerNetwork) {
        this.max = max;
        this.maxPerNetwork = maxPerNetwork;
    }

    /**
     * Claims a slot for a connection from {@code address}, which {@code connection} closes. When {@code max} are
     * under way, the oldest is released and its connection ended first.
     *
     * @return the slot, or {@code null} when the address's network already has {@code maxPerNetwork} under way
     */
    Slot claim(InetAddress address, Deadline connection) {
        String network = SourceNetwork.of(address);
        Slot displaced = null;
        Slot slot;
        synchronized (this) {
            if (perNetwork.getOrDefault(network, 0) >= maxPerNetwork) {
                return null;
            }
            if (underWay.size() >= max) {
                Iterator<Slot> oldest = underWay.iterator();
                displaced = oldest.next();
                release(displaced);
            }
            slot = new Slot(network, connection);
            underWay.add(slot);
            perNetwork.merge(network, 1, Integer::sum);
        }
        if (displaced != null) {
            displaced.connection.end(HandshakeFailures.DISPLACED);
        }
        return slot;
    }

    /** Handshakes under way now. */
    synchronized int underWay() {
        return underWay.size();
    }

    /** Networks with handshakes under way (none left behind once all are released). */
    synchronized int networks() {
        return perNetwork.size();
    }

    private void release(Slot slot) {
        if (underWay.remove(slot)) {
            perNetwork.computeIfPresent(slot.network, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** One handshake's claim. */
    final class Slot {
        private final String network;
        private final Deadline connection;

        private Slot(String network, Deadline connection) {
            this.network = network;
            this.connection = connection;
        }

        /** The handshake has ended (or never started); does nothing when already released or displaced. */
        void release() {
            synchronized (HandshakeSlots.this) {
                HandshakeSlots.this.release(this);
            }
        }

        /** The network it counts against, for messages. */
        String network() {
            return network;
        }
    }
}
