package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A receiver under attack, for the hostile-client suites, as a JUnit extension of the test class: configured from
 * {@code logback/receiver/<test>.xml} (defaults but for shorter timeouts), with its legitimate client
 * ({@link SteadyClient}) logging throughout.
 * <pre>
 * &#64;RegisterExtension
 * static final ReceiverUnderAttack receiver = ReceiverUnderAttack.configuredBy(NAME, SharedPki.get());
 * ...
 * ReceiverUnderAttack.Attack attack = receiver.attack("plaintext HTTP");
 * ... attack from a loopback address of its own ...
 * assertThat(attack.rejected("not-tls", 1)).isEqualTo(1);
 * attack.survived();
 * </pre>
 * An {@link Attack} reads the receiver's counters as they change from its start; {@link Attack#survived()} checks
 * what every attack must leave behind: each legitimate event logged meanwhile arrived, once, in order, on the
 * client's first connection, none dropped by the client; the receiver is still started, serves a fresh legitimate
 * connection, and is back to that client's one connection, {@link #IDLE_THREADS} threads and no partial frame held.
 * The legitimate client's latency is printed, not asserted: it measures the machine as much as the receiver. Every
 * wait is for a condition, with a limit ({@value #SETTLE_SECONDS} s) meant for a busy machine. One line per attack is
 * printed.
 */
final class ReceiverUnderAttack implements BeforeAllCallback, AfterAllCallback {

    /** The receiver's threads with only the legitimate client connected: acceptor, dispatcher, watchdog, its connection. */
    static final int IDLE_THREADS = 4;

    /** Legitimate events each attack's window holds at least: a short attack is watched for its aftermath too. */
    private static final int MIN_WINDOW_EVENTS = 25;
    private static final String METER = "logshield.receiver.";
    private static final int SETTLE_SECONDS = 60;
    /** The most any condition is waited for: only a failing test waits that long. */
    static final Duration SETTLE = Duration.ofSeconds(SETTLE_SECONDS);

    private final String name;
    private final TestPki pki;
    private final Map<String, String> properties;
    private TestMeters meters;
    private LoggerContext context;
    private MtlsReceiver receiver;
    private SteadyClient steady;

    private ReceiverUnderAttack(String name, TestPki pki, Map<String, String> properties) {
        this.name = name;
        this.pki = pki;
        this.properties = properties;
    }

    /**
     * The receiver of {@code logback/receiver/<name>.xml} and its legitimate client, for a test class's
     * {@code @RegisterExtension static} field: started before its first test, stopped after its last.
     */
    static ReceiverUnderAttack configuredBy(String name, TestPki pki) {
        return configuredBy(name, pki, Map.of());
    }

    /** As {@link #configuredBy(String, TestPki)}, with more properties for the XML. */
    static ReceiverUnderAttack configuredBy(String name, TestPki pki, Map<String, String> properties) {
        return new ReceiverUnderAttack(name, pki, properties);
    }

    /**
     * An authenticated attacker: a certificate of {@code pki}'s CA for {@code <label>.hostile.test}, which the
     * receivers under attack allow with {@code <allowedName>*.hostile.test</allowedName>}. Issued on first use.
     */
    static TestIdentity hostile(TestPki pki, String label) {
        synchronized (pki) {
            try {
                return pki.client("hostile-" + label);
            } catch (IllegalArgumentException notYet) {
                return pki.issueClient("hostile-" + label, label + ".hostile.test");
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        meters = TestMeters.register();
        Map<String, String> all = new HashMap<>(properties);
        all.put("registry", meters.name());
        context = ReceiverContexts.configure(name, pki, all);
        receiver = ReceiverContexts.startedReceiver(context);
        steady = SteadyClient.start(pki, receiver.localPort(), ReceiverContexts.received(context));
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (steady != null) {
            steady.close();
        }
        if (context != null) {
            context.stop();
        }
        if (meters != null) {
            meters.close();
        }
    }

    int port() {
        return receiver.localPort();
    }

    LoggerContext context() {
        return context;
    }

    /** Authenticated attacker {@code n}, for {@code h<n>.hostile.test}: see {@link #hostile(TestPki, String)}. */
    TestIdentity hostile(int n) {
        return hostile(pki, "h" + n);
    }

    /** The receiver's live threads: acceptor, dispatcher, watchdog and one per connection. */
    int receiverThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 256];
        int n = root.enumerate(threads, true);
        String prefix = "logshield-receiver-" + port() + "-";
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().startsWith(prefix) && threads[i].isAlive()) {
                count++;
            }
        }
        return count;
    }

    /** Connections open on the receiver, handshaking ones included. */
    int openConnections() {
        return (int) meters.gauge(METER + "connections.open");
    }

    /** Connections whose TLS handshake is under way: the {@code connections.handshaking} gauge. */
    int handshaking() {
        return (int) meters.gauge(METER + "connections.handshaking");
    }

    /** Bytes the receiver holds for partial frames: its {@code frames.buffered.bytes} gauge. */
    long framesBuffered() {
        return (long) meters.gauge(METER + "frames.buffered.bytes");
    }

    /** Starts watching an attack named {@code name}. */
    Attack attack(String name) {
        return new Attack(name);
    }

    /** One attack, from its start: the counters it changes, then the checks of {@link #survived()}. */
    final class Attack {
        private final String name;
        private final long start = System.nanoTime();
        private final SteadyClient.Window window = steady.window();
        private final Map<String, Map<String, Long>> before = new TreeMap<>();
        private final long bytesBefore = meters.count(METER + "bytes");

        private Attack(String name) {
            this.name = name;
            for (String meter : new String[] {"connections.rejected", "connections.closed", "frames.dropped"}) {
                before.put(meter, meters.countsBy(METER + meter, "reason"));
            }
        }

        /** {@link System#nanoTime()} at the start. */
        long start() {
            return start;
        }

        /** Connections refused for {@code reason} since the start, once there are {@code atLeast} (or SETTLE passed). */
        long rejected(String reason, long atLeast) {
            return await("connections.rejected", reason, atLeast);
        }

        /** Accepted connections ended for {@code reason} since the start, once there are {@code atLeast}. */
        long closed(String reason, long atLeast) {
            return await("connections.closed", reason, atLeast);
        }

        /** Frames dropped for {@code reason} since the start, once there are {@code atLeast}. */
        long dropped(String reason, long atLeast) {
            return await("frames.dropped", reason, atLeast);
        }

        /** Application bytes the receiver read since the start, the legitimate client's included. */
        long bytesRead() {
            return meters.count(METER + "bytes") - bytesBefore;
        }

        /** {@code meter}'s counts that changed since the start, by reason. */
        Map<String, Long> changes(String meter) {
            Map<String, Long> changed = new TreeMap<>();
            Map<String, Long> was = before.get(meter);
            meters.countsBy(METER + meter, "reason").forEach((reason, count) -> {
                long delta = count - was.getOrDefault(reason, 0L);
                if (delta != 0) {
                    changed.put(reason, delta);
                }
            });
            return changed;
        }

        private long await(String meter, String reason, long atLeast) {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            long delta = delta(meter, reason);
            while (delta < atLeast && System.nanoTime() < deadline) {
                SteadyClient.pause();
                delta = delta(meter, reason);
            }
            return delta;
        }

        private long delta(String meter, String reason) {
            return meters.count(METER + meter, "reason", reason) - before.get(meter).getOrDefault(reason, 0L);
        }

        /**
         * Checks that the receiver survived: the legitimate events logged since the start (at least
         * {@value #MIN_WINDOW_EVENTS}, so half a second at least) all arrived, once, in order, on the legitimate
         * client's first connection, and the client dropped none; the receiver is started and serves a fresh
         * connection of that client; then only the legitimate client's connection and its thread are left, and no
         * partial frame is held. Prints the attack's line: the counters it changed (before the fresh connection),
         * the legitimate delivery with its latency.
         */
        SteadyClient.Delivery survived() throws Exception {
            SteadyClient.Delivery delivery = window.close(MIN_WINDOW_EVENTS, SETTLE);
            assertThat(delivery.lost()).as("legitimate events lost during '%s': %s", name, delivery).isZero();
            assertThat(delivery.duplicates()).as("duplicated during '%s'", name).isZero();
            assertThat(delivery.outOfOrder()).as("out of order during '%s': %s", name, delivery).isZero();
            assertThat(steady.connections()).as("the legitimate client kept its one connection").isEqualTo(1);
            assertThat(steady.dropped()).as("events the legitimate client dropped").isZero();
            assertThat(receiver.isStarted()).as("receiver still started after '%s'", name).isTrue();
            String counters = "rejected " + changes("connections.rejected") + ", closed " + changes("connections.closed")
                    + ", dropped " + changes("frames.dropped") + ", " + bytesRead() + " bytes read";
            String fresh = "fresh connection after " + name;
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port())) {
                client.write(RawTlsClient.octetCounted("fresh", fresh));
                ReceiverContexts.received(context).await(fresh::equals, SETTLE);
            }
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while ((openConnections() > 1 || receiverThreads() > IDLE_THREADS || framesBuffered() != 0)
                    && System.nanoTime() < deadline) {
                SteadyClient.pause();
            }
            assertThat(openConnections()).as("connections open after '%s' (the legitimate one)", name).isEqualTo(1);
            assertThat(receiverThreads()).as("receiver threads after '%s'", name).isEqualTo(IDLE_THREADS);
            assertThat(framesBuffered()).as("bytes held for partial frames after '%s'", name).isZero();
            System.out.printf("[hostile] %s: %s; legitimate client: %s%n", name, counters, delivery);
            return delivery;
        }
    }
}
