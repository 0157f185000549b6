package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.CollectorCrash;
import dev.logshield.tls.testing.CuttableRelay;
import dev.logshield.tls.testing.ReceivedEvents;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.SpoolContents;
import dev.logshield.tls.testing.StopSummary;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.Waits;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event offered to the appender ends in exactly one place, whatever goes wrong on the way to a real rsyslog:
 * delivered ({@code logshield.tls.delivered}: written, for RELP acknowledged), dropped
 * ({@code logshield.tls.dropped{reason}}), or left in the spool after stop ({@code logshield.tls.spool.events}, and
 * what {@link dev.logshield.tls.delivery.DiskSpool} finds there). For each fault (collector killed and restarted,
 * collector frozen with SIGSTOP and thawed, network cut: blackholed then reset, stop() with a short
 * {@code <stopTimeout>} while the collector is frozen, spool full while the collector is down), with RELP and with
 * octet counting plus a replay window, both with a spool: after stop the counts add up to the events logged, every
 * event is received, in the spool or among the dropped, every delivered one arrived, and the stop status message says
 * the same numbers. A second start on the same spool with the collector up delivers what was left, exactly that and
 * once, and leaves the spool empty: nothing delivered in the first run is sent again.
 */
@Tag("slow")
class EveryEventIsAccountedForAfterEachFaultTest {

    private static final int EVENTS = 6_000;
    /** About 1 KiB per event, so that a collector that stops reading makes the sender's writes block. */
    private static final String PADDING = "x".repeat(1000);
    private static final int RELP_WINDOW = 128;
    private static final String SHIP = "SHIP";

    enum Fault { COLLECTOR_KILLED, COLLECTOR_FROZEN, NETWORK_CUT, STOP_TIMEOUT, SPOOL_FULL }

    enum Mode {
        RELP("relp", 0, RsyslogPeer.Input.RELP_TLS, "no RELP acknowledgement"),
        OCTET_COUNTING_WITH_REPLAY_WINDOW("octet-counting", EVENTS, RsyslogPeer.Input.TCP_TLS, "connection stalled");

        final String framing;
        final int replayWindow;
        final RsyslogPeer.Input input;
        /** What the status says when the appender gives up a connection that stopped moving. */
        final String stallNotice;

        Mode(String framing, int replayWindow, RsyslogPeer.Input input, String stallNotice) {
            this.framing = framing;
            this.replayWindow = replayWindow;
            this.input = input;
            this.stallNotice = stallNotice;
        }
    }

    @TempDir
    Path dir;

    static Stream<Arguments> faults() {
        return Stream.of(Fault.values()).flatMap(f -> Stream.of(Mode.values()).map(m -> Arguments.of(f, m)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("faults")
    void everyEventIsDeliveredDroppedOrLeftInTheSpool(Fault fault, Mode mode) throws Exception {
        assumeTrue(RsyslogPeer.available(mode.input), "rsyslog or its " + mode.input + " module is not installed");
        TestPki pki = SharedPki.get();
        Path spool = dir.resolve("spool");
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), mode.input, pki.caCert(),
                pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), true);
             CuttableRelay relay = CuttableRelay.to(rsyslog.port());
             TestMeters first = TestMeters.register();
             TestMeters second = TestMeters.register()) {
            if (fault != Fault.SPOOL_FULL) {
                rsyslog.start();
            }
            String destination = fault == Fault.NETWORK_CUT ? relay.destination() : rsyslog.destination();
            LoggerContext context = configure(pki, mode, fault, destination, spool, first);
            Logger logger = context.getLogger("com.example.shop.Orders");

            apply(fault, mode, rsyslog, relay, context, logger, first);
            context.stop();
            double gauge = first.gauge("logshield.tls.spool.events");
            if (fault == Fault.STOP_TIMEOUT) {
                rsyslog.thaw();
            }

            // run 1: each event delivered, dropped or in the spool, and the counts add up exactly
            long delivered = first.count("logshield.tls.delivered");
            Map<String, Long> droppedByReason = first.countsBy("logshield.tls.dropped", "reason");
            long dropped = droppedByReason.values().stream().mapToLong(Long::longValue).sum();
            long returned = first.count("logshield.tls.returned_to_spool");
            List<Integer> inSpool = SpoolContents.numbers(spool, "event");
            long leftInSpool = SpoolContents.events(spool);
            Set<Integer> spooled = new HashSet<>(inSpool);
            ReceivedEvents received = awaitAccounted(rsyslog, spooled, delivered, dropped);
            long unaccounted = countUnaccounted(received, spooled);
            System.out.printf("%s, %s: delivered %d, dropped %s, left in the spool %d (%d put back from memory);"
                            + " received %d distinct, %d duplicates; neither received nor spooled %d; %s%n", fault,
                    mode, delivered, droppedByReason, leftInSpool, returned, received.distinct(),
                    received.duplicates(), unaccounted, XmlConfiguredContext.statuses(context, Status.INFO).stream()
                            .filter(m -> m.contains("] stopped: ")).toList());

            assertThat(delivered + dropped + leftInSpool).as("delivered + dropped + left in the spool")
                    .isEqualTo(EVENTS);
            assertThat(gauge).as("logshield.tls.spool.events after stop").isEqualTo((double) leftInSpool);
            assertThat(inSpool).as("events read back from the spool").hasSize((int) leftInSpool);
            assertThat(spooled).as("no event twice in the spool").hasSize(inSpool.size());
            assertThat(unaccounted).as("events neither received nor in the spool, beyond those counted dropped")
                    .isLessThanOrEqualTo(dropped);
            assertThat((long) received.distinct()).as("delivered events that arrived").isGreaterThanOrEqualTo(delivered);
            assertFaultLeftItsMark(fault, mode, droppedByReason, returned);
            StopSummary summary = StopSummary.of(context, SHIP);
            assertThat(summary.delivered()).isEqualTo(delivered);
            assertThat(summary.dropped()).isEqualTo(dropped);
            assertThat(summary.droppedByReason()).isEqualTo(droppedByReason);
            assertThat(summary.leftInSpool()).isEqualTo(leftInSpool);
            assertThat(summary.putBack()).isEqualTo(returned);
            assertThat(summary.level()).isEqualTo(dropped > 0 ? Status.ERROR : leftInSpool > 0 ? Status.WARN
                    : Status.INFO);

            // run 2 on the same spool, collector up: exactly what was left arrives, once, and the spool ends empty
            rsyslog.thaw();
            rsyslog.stop();
            int before = received(rsyslog, 0).lines();
            rsyslog.start();
            LoggerContext next = configure(pki, mode, fault, rsyslog.destination(), spool, second);
            long redelivered = second.awaitCount("logshield.tls.delivered", leftInSpool, Duration.ofSeconds(60));
            ReceivedEvents afterRestart = awaitArrivals(rsyslog, before, leftInSpool);
            next.stop();
            Set<Integer> secondRun = new HashSet<>();
            long resentDelivered = 0;
            for (int i = 0; i < EVENTS; i++) {
                if (afterRestart.arrived(i)) {
                    secondRun.add(i);
                    resentDelivered += received.arrived(i) ? 1 : 0;
                }
            }
            System.out.printf("%s, %s, second run: delivered %d, %d arrived (%d of them had arrived in the first"
                    + " run)%n", fault, mode, redelivered, afterRestart.distinct(), resentDelivered);

            assertThat(redelivered).isEqualTo(leftInSpool);
            assertThat(second.count("logshield.tls.dropped")).isZero();
            assertThat(sample(secondRun, spooled)).as("arrived in the second run, not in the spool").isEmpty();
            assertThat(sample(spooled, secondRun)).as("in the spool, not arrived in the second run").isEmpty();
            assertThat(afterRestart.duplicates()).isZero();
            if (mode == Mode.RELP) {
                assertThat(resentDelivered).as("events sent again that rsyslog had written in the first run: only"
                        + " some unacknowledged at stop").isLessThanOrEqualTo(RELP_WINDOW);
            }
            if (leftInSpool > 0) {
                assertThat(XmlConfiguredContext.statuses(next, Status.INFO)).anySatisfy(s -> assertThat(s)
                        .contains(leftInSpool + " event(s) left in the spool by an earlier run are delivered first"));
            }
            assertThat(SpoolContents.dataFiles(spool)).as("spool files left").isEmpty();
            assertThat(SpoolContents.events(spool)).isZero();
            StopSummary nextSummary = StopSummary.of(next, SHIP);
            assertThat(nextSummary.level()).isEqualTo(Status.INFO);
            assertThat(nextSummary.delivered()).isEqualTo(leftInSpool);
            assertThat(nextSummary.leftInSpool()).isZero();
        }
    }

    /** Logs the events while the fault happens; returns with the fault in the state stop() should meet it in. */
    private void apply(Fault fault, Mode mode, RsyslogPeer rsyslog, CuttableRelay relay, LoggerContext context,
                       Logger logger, TestMeters meters) throws Exception {
        switch (fault) {
            case COLLECTOR_KILLED -> {
                CollectorCrash crash = CollectorCrash.afterMessages(rsyslog, EVENTS / 4, 500);
                log(logger, 0, EVENTS);
                crash.await(90_000);
                awaitReconnect(meters, 2);
            }
            case COLLECTOR_FROZEN -> {
                log(logger, 0, EVENTS / 4);
                meters.awaitCount("logshield.tls.delivered", 1, Duration.ofSeconds(30));
                rsyslog.freeze();
                log(logger, EVENTS / 4, EVENTS);
                // octet counting: unless its socket buffers took every event, the write blocks and is given up
                awaitStatusOr(context, mode.stallNotice, () -> mode != Mode.RELP
                        && meters.count("logshield.tls.sent") >= EVENTS);
                long connections = meters.count("logshield.tls.reconnects");
                rsyslog.thaw();
                awaitReconnect(meters, connections + 1);
            }
            case NETWORK_CUT -> {
                log(logger, 0, EVENTS / 4);
                meters.awaitCount("logshield.tls.delivered", 1, Duration.ofSeconds(30));
                relay.blackhole();
                log(logger, EVENTS / 4, EVENTS);
                if (mode == Mode.RELP) {
                    // octet counting writes on into the relay's socket buffers, which grow to hold all of it: the
                    // reset is what it notices, and what was in flight is lost on the way, to be replayed
                    awaitStatusOr(context, mode.stallNotice, () -> false);
                }
                long connections = meters.count("logshield.tls.reconnects");
                relay.resetAll();
                relay.heal();
                awaitReconnect(meters, connections + 1);
            }
            case STOP_TIMEOUT -> {
                log(logger, 0, EVENTS / 4);
                meters.awaitCount("logshield.tls.delivered", 1, Duration.ofSeconds(30));
                rsyslog.freeze();
                log(logger, EVENTS / 4, EVENTS);
            }
            case SPOOL_FULL -> log(logger, 0, EVENTS);
        }
    }

    /** What shows that the fault struck where it should: events put back at stop, or dropped for a full spool. */
    private static void assertFaultLeftItsMark(Fault fault, Mode mode, Map<String, Long> droppedByReason,
                                               long returned) {
        if (fault == Fault.STOP_TIMEOUT && mode == Mode.RELP) {
            // RELP: the window of unacknowledged events stops the sender, so the memory buffer is full at stop (octet
            // counting puts back the write cut at stop, if one was blocked, which depends on socket buffer sizes)
            assertThat(returned).as("events in memory at stop put back into the spool").isPositive();
        }
        if (fault == Fault.SPOOL_FULL) {
            assertThat(droppedByReason.getOrDefault("spool-full", 0L)).isPositive();
        }
    }

    private static void log(Logger logger, int from, int to) {
        for (int i = from; i < to; i++) {
            logger.info("event {} {}", i, PADDING);
        }
    }

    private static void awaitReconnect(TestMeters meters, long connections) {
        assertThat(meters.awaitCount("logshield.tls.reconnects", connections, Duration.ofSeconds(60)))
                .as("connections established").isGreaterThanOrEqualTo(connections);
    }

    private static void awaitStatusOr(LoggerContext context, String text, BooleanSupplier instead)
            throws InterruptedException {
        long deadline = System.nanoTime() + Waits.generous(Duration.ofSeconds(60)).toNanos();
        while (XmlConfiguredContext.statuses(context, Status.INFO).stream().noneMatch(s -> s.contains(text))
                && !instead.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no status saying \"" + text + "\": "
                        + XmlConfiguredContext.statuses(context, Status.INFO));
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until what rsyslog wrote accounts for what the counters say (octet counting: written events may still be
     * on their way through rsyslog), or the wait runs out; returns what it wrote then.
     */
    private static ReceivedEvents awaitAccounted(RsyslogPeer rsyslog, Set<Integer> spooled, long delivered,
                                                 long dropped) throws Exception {
        long deadline = System.nanoTime() + Waits.generous(Duration.ofSeconds(60)).toNanos();
        while (true) {
            ReceivedEvents received = received(rsyslog, 0);
            boolean accounted = received.distinct() >= delivered && countUnaccounted(received, spooled) <= dropped;
            if (accounted || System.nanoTime() > deadline) {
                return received;
            }
            Thread.sleep(100);
        }
    }

    /** Waits until {@code events} distinct events arrived after line {@code fromLine}; returns what arrived then. */
    private static ReceivedEvents awaitArrivals(RsyslogPeer rsyslog, int fromLine, long events) throws Exception {
        long deadline = System.nanoTime() + Waits.generous(Duration.ofSeconds(60)).toNanos();
        while (true) {
            ReceivedEvents received = received(rsyslog, fromLine);
            if (received.distinct() >= events || System.nanoTime() > deadline) {
                return received;
            }
            Thread.sleep(100);
        }
    }

    /** Up to ten numbers in {@code a} and not in {@code b}. */
    private static List<Integer> sample(Set<Integer> a, Set<Integer> b) {
        return a.stream().filter(n -> !b.contains(n)).sorted().limit(10).toList();
    }

    private static long countUnaccounted(ReceivedEvents received, Set<Integer> spooled) {
        long unaccounted = 0;
        for (int i = 0; i < EVENTS; i++) {
            if (!received.arrived(i) && !spooled.contains(i)) {
                unaccounted++;
            }
        }
        return unaccounted;
    }

    private static ReceivedEvents received(RsyslogPeer rsyslog, int fromLine) throws Exception {
        return ReceivedEvents.read(rsyslog.receivedFile(), "event", EVENTS, fromLine);
    }

    private LoggerContext configure(TestPki pki, Mode mode, Fault fault, String destination, Path spool,
                                    TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.ofEntries(
                Map.entry("destination", destination), Map.entry("clientCert", pki.client("client1").cert().toString()),
                Map.entry("clientKey", pki.client("client1").key().toString()),
                Map.entry("caCert", pki.caCert().toString()), Map.entry("framing", mode.framing),
                Map.entry("replayWindow", String.valueOf(mode.replayWindow)), Map.entry("queueSize", "1000"),
                Map.entry("spoolDirectory", spool.toString()),
                Map.entry("spoolMaxSize", fault == Fault.SPOOL_FULL ? "1 MB" : "1 GB"),
                Map.entry("stopTimeout", fault == Fault.STOP_TIMEOUT ? "1 second" : "5 seconds"),
                Map.entry("registry", meters.name())));
        assertThat(XmlConfiguredContext.isStarted(context, SHIP)).as("appender started: %s",
                XmlConfiguredContext.errors(context)).isTrue();
        return context;
    }
}
