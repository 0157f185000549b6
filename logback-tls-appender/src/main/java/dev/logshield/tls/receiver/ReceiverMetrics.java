package dev.logshield.tls.receiver;

import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The receiver's meters, all tagged {@code port}, and the same counts kept locally for the periodic stats line:
 * <ul>
 * <li>{@code logshield.receiver.connections.open} (gauge): connections open, handshaking ones included;</li>
 * <li>{@code logshield.receiver.connections.handshaking} (gauge): connections whose TLS handshake is under way;</li>
 * <li>{@code logshield.receiver.connections.accepted}: handshake done and client allowed;</li>
 * <li>{@code logshield.receiver.connections.rejected{reason}}: refused before any event was read (see
 * {@link HandshakeFailures}, and {@code revoked}, {@code not-allowed}, {@code too-many-connections},
 * {@code too-many-handshakes}, {@code too-many-client-connections});</li>
 * <li>{@code logshield.receiver.connections.closed{reason}}: accepted connections that ended
 * ({@code client-closed}, {@code client-reset} (a TCP reset between frames, as when rsyslog's omfwd stops),
 * {@code idle-timeout}, {@code frame-timeout}, {@code framing-lost}, {@code error}, {@code shutdown}...);</li>
 * <li>{@code logshield.receiver.events{client}}: events dispatched to the context's loggers (whose levels and
 * appenders then decide), by client CN;</li>
 * <li>{@code logshield.receiver.frames.dropped{reason}}: frames that became no event (a
 * {@link dev.logshield.tls.receiver.frames.DropReason} tag, or {@code shutdown} for events still queued when the
 * receiver stopped);</li>
 * <li>{@code logshield.receiver.frames.buffered.bytes} (gauge): bytes the connections hold for partial frames, frames
 * that wait for the rest of their bytes from the network (the array of an octet-counted frame or of RELP data,
 * allocated at its announced length; the buffer gathering a line). At most {@code maxConnections &times;
 * (maxFrameSize + 1)}; 0 when every connection is between frames. Frames that arrive whole are not counted, so the
 * gauge costs nothing per frame on a busy connection;</li>
 * <li>{@code logshield.receiver.bytes}: application bytes read (after TLS);</li>
 * <li>{@code logshield.receiver.rate.limited}: times a connection started waiting for its client's
 * {@code <maxEventsPerSecond>};</li>
 * <li>{@code logshield.receiver.queue.size} and {@code queue.capacity} (gauges), {@code queue.waits}: times a
 * connection waited for room in the full queue.</li>
 * </ul>
 * Thread-safe.
 */
final class ReceiverMetrics {

    static final String PREFIX = "logshield.receiver.";
    /** Distinct {@code client} tag values before further clients are counted as {@link #OTHER_CLIENTS}. */
    static final int MAX_CLIENT_TAGS = 1000;
    /** The {@code client} tag of the clients past {@link #MAX_CLIENT_TAGS}. */
    static final String OTHER_CLIENTS = "other";

    private final Meters meters;
    private final String port;
    private final Tally accepted;
    private final Tally bytes;
    private final Tally rateLimited;
    private final Tally queueWaits;
    private final LongAdder events = new LongAdder();
    private final LongAdder framesBuffered = new LongAdder();
    private final Map<String, Tally> rejected = new ConcurrentHashMap<>();
    private final Map<String, Tally> closed = new ConcurrentHashMap<>();
    private final Map<String, Tally> dropped = new ConcurrentHashMap<>();
    private final Map<String, EventCounter> clientEvents = new ConcurrentHashMap<>();
    private volatile IntSupplier openConnections = () -> 0;
    private volatile IntSupplier queueSize = () -> 0;

    ReceiverMetrics(Meters meters, int port) {
        this.meters = meters;
        this.port = Integer.toString(port);
        accepted = tally("connections.accepted", "Connections whose client passed the handshake and the allow-list");
        bytes = tally("bytes", "Application bytes received (after TLS)");
        rateLimited = tally("rate.limited", "Times a connection started waiting for its client's maxEventsPerSecond");
        queueWaits = tally("queue.waits", "Times a connection waited for room in the full event queue");
        meters.gauge(PREFIX + "frames.buffered.bytes", "Bytes held for partial frames, waiting for the rest of their"
                + " bytes", framesBuffered, LongAdder::sum, "port", this.port);
    }

    /** Gauges reading the live connection count and queue. */
    void bind(ConnectionLimits limits, EventQueue queue) {
        openConnections = limits::open;
        queueSize = queue::size;
        meters.gauge(PREFIX + "connections.open", "Connections open, handshaking ones included", limits,
                ConnectionLimits::open, "port", port);
        meters.gauge(PREFIX + "connections.handshaking", "Connections whose TLS handshake is under way", limits,
                ConnectionLimits::handshaking, "port", port);
        meters.gauge(PREFIX + "queue.size", "Events waiting for the dispatcher", queue, EventQueue::size, "port", port);
        meters.gauge(PREFIX + "queue.capacity", "Capacity of the event queue", queue, EventQueue::capacity, "port", port);
    }

    void accepted() {
        accepted.add(1);
    }

    void rejected(String reason) {
        tagged(rejected, "connections.rejected", "Connections refused before any event was read", reason).add(1);
    }

    void closed(String reason) {
        tagged(closed, "connections.closed", "Accepted connections that ended", reason).add(1);
    }

    void dropped(String reason, long frames) {
        if (frames > 0) {
            tagged(dropped, "frames.dropped", "Frames that became no event", reason).add(frames);
        }
    }

    void bytes(long n) {
        if (n > 0) {
            bytes.add(n);
        }
    }

    /** A connection now holds {@code bytes} more (fewer when negative) for a partial frame. */
    void framesBuffered(long bytes) {
        framesBuffered.add(bytes);
    }

    void rateLimited() {
        rateLimited.add(1);
    }

    void queueWait() {
        queueWaits.add(1);
    }

    /**
     * The {@code events{client}} counter of the client named {@code client} (its CN). Past {@link #MAX_CLIENT_TAGS}
     * distinct names (possible with {@code <allowAnyClient>}) further clients share the tag {@code other}, so a CA
     * that issues many certificates cannot grow the registry without bound.
     */
    EventCounter clientEvents(String client) {
        EventCounter known = clientEvents.get(client);
        if (known != null) {
            return known;
        }
        String tag = clientEvents.size() >= MAX_CLIENT_TAGS ? OTHER_CLIENTS : client;
        return clientEvents.computeIfAbsent(tag, c -> {
            EventCounter counter = meters.counter(PREFIX + "events", "Events dispatched to the receiver context's loggers, by client CN",
                    "port", port, "client", c);
            return new EventCounter() {
                @Override
                public void increment() {
                    counter.increment();
                    events.increment();
                }

                @Override
                public void increment(long amount) {
                    counter.increment(amount);
                    events.add(amount);
                }
            };
        });
    }

    /**
     * One line for the status: {@code receiver :6514: 3 open, 120 accepted, rejected {not-allowed=3}, 1234 events,
     * dropped {oversize=2}, closed {idle-timeout=1}, 52311 bytes, rate-limited 0, queue 0/8192 (waits 0)}.
     */
    String summary(int queueCapacity) {
        return "receiver :" + port + ": " + openConnections.getAsInt() + " open, " + accepted.local.sum() + " accepted, "
                + "rejected " + sums(rejected) + ", " + events.sum() + " events, dropped " + sums(dropped)
                + ", closed " + sums(closed) + ", " + bytes.local.sum() + " bytes, rate-limited "
                + rateLimited.local.sum() + ", queue " + queueSize.getAsInt() + "/" + queueCapacity + " (waits "
                + queueWaits.local.sum() + ")";
    }

    private static String sums(Map<String, Tally> tallies) {
        Map<String, Long> sorted = new TreeMap<>();
        tallies.forEach((k, v) -> sorted.put(k, v.local.sum()));
        return sorted.toString();
    }

    private Tally tagged(Map<String, Tally> tallies, String name, String description, String reason) {
        return tallies.computeIfAbsent(reason, r -> new Tally(meters.counter(PREFIX + name, description, "port", port,
                "reason", r)));
    }

    private Tally tally(String name, String description) {
        return new Tally(meters.counter(PREFIX + name, description, "port", port));
    }

    /** A Micrometer counter and its local copy. */
    private static final class Tally {
        final EventCounter meter;
        final LongAdder local = new LongAdder();

        Tally(EventCounter meter) {
            this.meter = meter;
        }

        void add(long n) {
            meter.increment(n);
            local.add(n);
        }
    }
}
