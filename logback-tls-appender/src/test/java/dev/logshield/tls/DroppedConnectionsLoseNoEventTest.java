package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A collector that closes the connection (a restart, an idle timeout) is noticed at once by the session's reader
 * thread, without waiting for the next write, and the sender reconnects. With a {@code <replayWindow>}, the last
 * events written before the close are sent again on the new connection, so that events written while the close
 * was on its way are not lost: every event logged across repeated closes arrives (some twice). Events of a write
 * that fails and that the replay window cannot hold are counted as dropped, never lost uncounted. "At once" is shown
 * without timing it: nothing is logged, so only the reader thread can notice the close and make the sender
 * reconnect; how long that took is printed for information.
 */
class DroppedConnectionsLoseNoEventTest {

    private static final Pattern EVENT = Pattern.compile("event <(\\d+)>");

    private final TestPki pki = SharedPki.get();

    @Test
    void aClosedConnectionIsNoticedAndReplacedWithoutAnyEventLogged() {
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, 5_000, meters);
            assertThat(meters.awaitCount("logshield.tls.reconnects", 1, Duration.ofSeconds(5))).isEqualTo(1);

            String destination = "127.0.0.1:" + server.port();
            assertThat(meters.gauge("logshield.tls.connected", "destination", destination)).isEqualTo(1);
            long dropped = System.nanoTime();
            server.dropConnections();
            assertThat(meters.awaitGauge("logshield.tls.connected", v -> v == 0, Duration.ofSeconds(2),
                    "destination", destination)).as("connected gauge after the close").isZero();
            Duration noticed = Duration.ofNanos(System.nanoTime() - dropped);
            assertThat(meters.awaitCount("logshield.tls.reconnects", 2, Duration.ofSeconds(2))).isEqualTo(2);
            Duration reconnected = Duration.ofNanos(System.nanoTime() - dropped);
            System.out.printf("connection closed by the collector, nothing logged: noticed after %d ms, reconnected"
                    + " after %d ms (the default 300 ms rejection probe included)%n", noticed.toMillis(), reconnected.toMillis());
            assertThat(server.connections()).hasSize(2);
            assertThat(XmlConfiguredContext.statuses(context, 0)).anySatisfy(s -> assertThat(s)
                    .contains("disconnected from 127.0.0.1:" + server.port(), "the collector closed the connection"));

            context.getLogger("app").info("event <0>");
            server.awaitReceived("event <0>", Duration.ofSeconds(5));
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @Test
    void withAReplayWindowEveryEventArrivesAcrossRepeatedCloses() throws Exception {
        int logged = 20_000;
        int closes = 5;
        Set<Thread> before = MtlsThreads.alive();
        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(server, 5_000, meters);
            assertThat(meters.awaitCount("logshield.tls.reconnects", 1, Duration.ofSeconds(5))).isEqualTo(1);
            Logger logger = context.getLogger("app");
            Thread application = new Thread(() -> {
                for (int i = 0; i < logged; i++) {
                    logger.info("event <{}>", i);
                    if (i % 20 == 19) {
                        pause(10); // at most 2,000 a second: the 5,000 of the replay window are 2.5 s of slack
                    }
                }
            }, "application");
            application.start();
            for (int i = 1; i <= closes; i++) {
                // each close hits an established connection (a close during the next handshake's rejection probe
                // would read as a rejected client certificate, retried as well, but not counted as a reconnect)
                assertThat(meters.awaitCount("logshield.tls.reconnects", i, Duration.ofSeconds(5))).isEqualTo(i);
                pause(100);
                server.dropConnections();
            }
            application.join();
            server.awaitReceived("event <" + (logged - 1) + ">", Duration.ofSeconds(10));
            context.stop();

            BitSet received = new BitSet();
            int copies = 0;
            Matcher m = EVENT.matcher(server.receivedText());
            while (m.find()) {
                received.set(Integer.parseInt(m.group(1)));
                copies++;
            }
            System.out.printf("replay window 5000, %d closes: %,d events logged, %,d distinct received, %,d copies,"
                    + " %,d replayed%n", closes, logged, received.cardinality(), copies,
                    meters.count("logshield.tls.replayed"));
            assertThat(received.nextClearBit(0)).as("first event missing").isEqualTo(logged);
            assertThat(meters.count("logshield.tls.reconnects")).isEqualTo(closes + 1);
            assertThat(meters.count("logshield.tls.replayed")).isPositive();
            assertThat(meters.count("logshield.tls.dropped")).isZero();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @Test
    void aFailedWriteLargerThanTheReplayWindowIsCountedAsDropped() {
        int logged = 10_000;
        CountDownLatch senderBlocked = new CountDownLatch(1);
        // connection 0 stops reading, then resets while the sender is blocked writing a batch; later ones read
        ScriptedPeer.Script stallThenReset = conversation -> {
            if (conversation.index() > 0) {
                conversation.readAll();
                return;
            }
            try {
                senderBlocked.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            conversation.socket().setSoLinger(true, 0);
            conversation.socket().close();
        };
        Set<Thread> before = MtlsThreads.alive();
        // every event queued before the first handshake ends: the sender then takes full batches of 512, and blocks
        // in one, whether the machine logs faster than it sends or not (a slow logger would leave it small batches)
        CountDownLatch allQueued = new CountDownLatch(1);
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, 4096, stallThenReset).holdFirstHandshake(allQueued);
                TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(peer.port(), 5, meters);
            logKilobyteEvents(context.getLogger("app"), logged);
            allQueued.countDown();
            MtlsThreads.awaitBlockedInSocketWrite("logshield-mtls-SHIP", Duration.ofSeconds(5));
            senderBlocked.countDown();
            assertThat(meters.awaitCount("logshield.tls.reconnects", 2, Duration.ofSeconds(5))).isEqualTo(2);
            assertThat(meters.awaitGauge("logshield.tls.queue.size", v -> v == 0, Duration.ofSeconds(10))).isZero();
            context.stop();
            long sent = meters.count("logshield.tls.sent");
            long replayed = meters.count("logshield.tls.replayed");
            long dropped = meters.count("logshield.tls.dropped");
            System.out.printf("reset during a blocked write, replay window 5: sent %d (replayed %d), dropped %d%n",
                    sent, replayed, dropped);
            // the failed write held one batch (512 events, the default <batchSize>): 5 kept for replay, 507 dropped
            assertThat(replayed).isEqualTo(5);
            assertThat(meters.count("logshield.tls.dropped", "reason", "connection-lost")).as(meters.describe().toString())
                    .isEqualTo(507);
            assertThat(sent + dropped).as("written or counted as dropped").isEqualTo(logged);
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @Test
    void aWriteEndedByTheStopTimeoutIsCountedReplayWindowIncluded() {
        int logged = 10_000;
        Set<Thread> before = MtlsThreads.alive();
        CountDownLatch allQueued = new CountDownLatch(1);
        // the collector never reads: the sender blocks in a write until the stop deadline ends it
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, 4096, ScriptedPeer.neverRead()).holdFirstHandshake(allQueued);
                TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(peer.port(), 5, meters);
            logKilobyteEvents(context.getLogger("app"), logged);
            allQueued.countDown();
            MtlsThreads.awaitBlockedInSocketWrite("logshield-mtls-SHIP", Duration.ofSeconds(30));
            context.stop();
            long delivered = meters.count("logshield.tls.delivered");
            Map<String, Long> dropped = meters.countsBy("logshield.tls.dropped", "reason");
            System.out.printf("stop timeout during a blocked write, replay window 5: delivered %d, dropped %s%n",
                    delivered, dropped);
            // the blocked batch: the 5 the replay window kept are undelivered at stop, the rest lost with the write
            assertThat(dropped.get("undelivered-at-stop")).isGreaterThanOrEqualTo(5);
            assertThat(delivered + dropped.values().stream().mapToLong(Long::longValue).sum())
                    .as("delivered or counted as dropped").isEqualTo(logged);
            assertThat(XmlConfiguredContext.errors(context)).anySatisfy(e -> assertThat(e).contains(
                    "[SHIP] stopped: " + delivered + " event(s) delivered, " + (logged - delivered) + " dropped ("));
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    /** Logs {@code count} events of about 1 KB: a few fill the collector's small receive window. */
    private static void logKilobyteEvents(Logger logger, int count) {
        String kilobyte = "x".repeat(1_000);
        for (int i = 0; i < count; i++) {
            logger.info("{} {}", i, kilobyte);
        }
    }

    private LoggerContext configure(TlsTestServer server, int replayWindow, TestMeters meters) {
        return configure(server.port(), replayWindow, meters);
    }

    private LoggerContext configure(int port, int replayWindow, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "127.0.0.1:" + port, "replayWindow", Integer.toString(replayWindow),
                "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                "caCert", pki.caCert().toString(), "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
