package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each {@code <overflowPolicy>} does when the queue is full because the collector is away, and that every
 * event is either delivered or counted ({@code sent + dropped == logged}): {@code drop-newest} (default) never
 * blocks the logging thread and keeps the oldest events; {@code drop-oldest} keeps the newest, which are delivered
 * when the collector comes back; {@code block} waits up to {@code <blockTimeout>} for room, then drops, and loses
 * nothing when the collector keeps up. "Never blocks" is shown against what blocking would cost: the drop policies
 * run with a 10-minute {@code <blockTimeout>}, so a call that waited for room would make 99,000 calls take months,
 * and the limit asserted (60 s, enforced from another thread) is generous for a busy machine. {@code block}'s wait is
 * bounded from below by its timeout, which a busy machine only lengthens, and from above by a generous limit.
 */
class OverflowPoliciesCountEveryEventTest {

    private static final Pattern EVENT = Pattern.compile("event <(\\d+)>");

    private final TestPki pki = SharedPki.get();

    @Test
    void dropNewestNeverBlocksAndDeliversTheOldestWhenTheCollectorComesBack() {
        int logged = 100_000;
        try (TlsTestServer server = downServer(); TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = configure(server, "drop-newest", 1_000, "10 minutes", meters);
            Duration took = logEventsWithin(Duration.ofSeconds(60), context.getLogger("app"), 0, logged);
            System.out.printf("drop-newest, collector down: %,d log calls in %d ms%n", logged, took.toMillis());
            assertThat(meters.count("logshield.tls.dropped", "reason", "queue-full")).isEqualTo(logged - 1_000);
            assertThat(meters.gauge("logshield.tls.queue.size")).isEqualTo(1_000);

            server.restart();
            assertThat(meters.awaitCount("logshield.tls.sent", 1_000, Duration.ofSeconds(5))).isEqualTo(1_000);
            server.awaitReceived("event <999>", Duration.ofSeconds(5));
            assertThat(eventNumbers(server)).as("delivered").containsExactly(0, 999, 1_000);
            context.stop();
            assertThat(meters.count("logshield.tls.sent") + meters.count("logshield.tls.dropped")).isEqualTo(logged);
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
        }
    }

    @Test
    void dropOldestDeliversTheNewestWhenTheCollectorComesBack() {
        int logged = 100_000;
        try (TlsTestServer server = downServer(); TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = configure(server, "drop-oldest", 1_000, "10 minutes", meters);
            Duration took = logEventsWithin(Duration.ofSeconds(60), context.getLogger("app"), 0, logged);
            System.out.printf("drop-oldest, collector down: %,d log calls in %d ms%n", logged, took.toMillis());
            assertThat(meters.count("logshield.tls.dropped", "reason", "queue-full-oldest")).isEqualTo(logged - 1_000);

            server.restart();
            server.awaitReceived("event <" + (logged - 1) + ">", Duration.ofSeconds(5));
            assertThat(meters.awaitCount("logshield.tls.sent", 1_000, Duration.ofSeconds(5))).isEqualTo(1_000);
            assertThat(eventNumbers(server)).as("delivered: the newest").containsExactly(logged - 1_000, logged - 1, 1_000);
            context.stop();
            assertThat(meters.count("logshield.tls.sent") + meters.count("logshield.tls.dropped")).isEqualTo(logged);
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
        }
    }

    @Test
    void blockWaitsUpToItsTimeoutThenDropsAndCounts() {
        try (TlsTestServer server = downServer(); TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = configure(server, "block", 100, "1 second", meters);
            Logger logger = context.getLogger("app");
            // 100 calls that each waited for the 1 s timeout would take 100 s
            logEventsWithin(Duration.ofSeconds(30), logger, 0, 100);
            assertThat(meters.count("logshield.tls.dropped")).as("dropped with room").isZero();
            Duration blocked = logEventsWithin(Duration.ofSeconds(60), logger, 100, 3);
            System.out.printf("block, collector down: 3 log calls on a full queue in %d ms (blockTimeout 1 s)%n",
                    blocked.toMillis());
            assertThat(blocked).as("3 calls each waiting 1 s (a busy machine only makes it longer)")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3 * 990));
            assertThat(meters.count("logshield.tls.dropped", "reason", "queue-full")).isEqualTo(3);

            server.restart();
            assertThat(meters.awaitCount("logshield.tls.sent", 100, Duration.ofSeconds(5))).isEqualTo(100);
            context.stop();
            assertThat(meters.count("logshield.tls.sent") + meters.count("logshield.tls.dropped")).isEqualTo(103);
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
        }
    }

    @Test
    void blockLosesNothingWhenTheCollectorKeepsUp() {
        int logged = 20_000;
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, "block", 10, "1 minute", meters);
            assertThat(meters.awaitGauge("logshield.tls.connected", v -> v == 1, Duration.ofSeconds(5))).isEqualTo(1);
            logEvents(context.getLogger("app"), 0, logged);
            server.awaitReceived("event <" + (logged - 1) + ">", Duration.ofSeconds(10));
            assertThat(eventNumbers(server)).containsExactly(0, logged - 1, logged);
            assertThat(meters.count("logshield.tls.dropped")).isZero();
            context.stop();
        }
    }

    /** A collector whose port is known but which is not listening yet: {@link TlsTestServer#restart()} starts it. */
    private TlsTestServer downServer() {
        TlsTestServer server = TlsTestServer.builder(pki).start();
        server.stop();
        return server;
    }

    private LoggerContext configure(TlsTestServer server, String policy, int queueSize, String blockTimeout,
                                    TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                "overflowPolicy", policy, "queueSize", Integer.toString(queueSize), "blockTimeout", blockTimeout,
                "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }

    private static Duration logEvents(Logger logger, int first, int count) {
        long start = System.nanoTime();
        for (int i = first; i < first + count; i++) {
            logger.info("event <{}>", i);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** {@link #logEvents}, failing if the calls take longer than {@code limit} (checked from another thread). */
    private static Duration logEventsWithin(Duration limit, Logger logger, int first, int count) {
        return assertTimeoutPreemptively(limit, () -> logEvents(logger, first, count),
                count + " log calls within " + limit);
    }

    /** The lowest and highest event number received, and how many events (duplicates fail). */
    private static int[] eventNumbers(TlsTestServer server) {
        Matcher m = EVENT.matcher(server.receivedText());
        int min = Integer.MAX_VALUE;
        int max = -1;
        int count = 0;
        java.util.BitSet seen = new java.util.BitSet();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            assertThat(seen.get(n)).as("event " + n + " received twice").isFalse();
            seen.set(n);
            min = Math.min(min, n);
            max = Math.max(max, n);
            count++;
        }
        assertThat(max - min + 1).as("received events form one run without gaps").isEqualTo(count);
        return new int[] {min, max, count};
    }
}
