package dev.logshield.tls;

import ch.qos.logback.core.spi.ContextAwareBase;
import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import dev.logshield.metrics.ReportGate;
import dev.logshield.tls.delivery.DeliveryListener;
import dev.logshield.tls.delivery.DeliveryQueue;
import dev.logshield.tls.delivery.Destination;
import dev.logshield.tls.delivery.DiskSpool;
import dev.logshield.tls.delivery.Sender;
import dev.logshield.tls.delivery.StopReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns what the sender reports into Micrometer meters ({@code logshield.tls.*}, tag {@code appender}) and Logback
 * status messages, rate-limited so that a collector that stays away, or a failure that recurs, cannot flood the
 * status: each kind of problem is reported at once, then at most once per {@link #REPORT_PERIOD}. Drops are never
 * left unsaid: each warning gives the counts by reason since the previous one, drops not yet reported are reported
 * once the period is over even if no further drop comes, and {@link #stopped} sums up everything.
 */
final class TlsMetrics implements DeliveryListener {

    private static final Duration REPORT_PERIOD = Duration.ofSeconds(30);

    private final ContextAwareBase owner;
    private final Meters meters;
    private final String appender;
    private final EventCounter sent;
    private final EventCounter acknowledged;
    private final EventCounter delivered;
    private final EventCounter returnedToSpool;
    private final EventCounter spooled;
    private final EventCounter replayed;
    private final EventCounter reconnects;
    private final EventCounter senderFailures;
    private final Map<String, EventCounter> dropped = new ConcurrentHashMap<>();
    private final Map<String, EventCounter> handshakeFailures = new ConcurrentHashMap<>();
    private final Map<Destination, EventCounter> connectFailures = new ConcurrentHashMap<>();
    private final ReportGate connectFailureReports = new ReportGate(REPORT_PERIOD);
    private final ReportGate encoderFailureReports = new ReportGate(REPORT_PERIOD);
    private final ReportGate senderFailureReports = new ReportGate(REPORT_PERIOD);
    private final Duration dropReportPeriod;
    private final ReportGate dropReports;
    private final ReportGate tooLargeReports = new ReportGate(REPORT_PERIOD);
    private final DropTally drops = new DropTally();
    /** Held here: Micrometer holds a gauge's object weakly, and the spool gauge must read after stop. */
    private final DiskSpool spool;
    private final AtomicLong senderFailuresSinceReport = new AtomicLong();
    private volatile boolean everConnected;

    TlsMetrics(ContextAwareBase owner, Meters meters, String appender, DeliveryQueue queue, DiskSpool spool) {
        this(owner, meters, appender, queue, spool, REPORT_PERIOD);
    }

    /** With drops reported at most once per {@code dropReportPeriod}. */
    TlsMetrics(ContextAwareBase owner, Meters meters, String appender, DeliveryQueue queue, DiskSpool spool,
               Duration dropReportPeriod) {
        this.owner = owner;
        this.dropReportPeriod = dropReportPeriod;
        this.spool = spool;
        this.dropReports = new ReportGate(dropReportPeriod);
        this.meters = meters;
        this.appender = appender;
        sent = meters.counter("logshield.tls.sent", "Events written to a collector", "appender", appender);
        acknowledged = meters.counter("logshield.tls.acknowledged", "Events acknowledged by the collector (RELP)",
                "appender", appender);
        delivered = meters.counter("logshield.tls.delivered", "Events delivered, each counted once: written to the"
                + " collector, or for RELP acknowledged by it", "appender", appender);
        returnedToSpool = meters.counter("logshield.tls.returned_to_spool", "Events still in memory at stop, written"
                + " back into the disk spool for the next start", "appender", appender);
        spooled = meters.counter("logshield.tls.spooled", "Events written to the disk spool", "appender", appender);
        replayed = meters.counter("logshield.tls.replayed", "Events sent again after a reconnect", "appender", appender);
        reconnects = meters.counter("logshield.tls.reconnects", "Connections established", "appender", appender);
        senderFailures = meters.counter("logshield.tls.sender_failures",
                "Unexpected failures on the sender thread, after each of which delivery restarts", "appender", appender);
        meters.gauge("logshield.tls.queue.size", "Events waiting in the memory buffer", queue, DeliveryQueue::size,
                "appender", appender);
        meters.gauge("logshield.tls.queue.capacity", "Capacity of the memory buffer", queue, DeliveryQueue::capacity,
                "appender", appender);
        if (spool != null) {
            meters.gauge("logshield.tls.spool.events", "Events waiting in the disk spool", spool,
                    s -> (double) s.events(), "appender", appender);
        }
    }

    /** Gauges that read the sender: 1 for the destination currently connected, 0 for the others. */
    void bind(Sender sender, List<Destination> destinations) {
        for (Destination destination : destinations) {
            meters.gauge("logshield.tls.connected", "1 while connected to this destination", sender,
                    s -> Objects.equals(s.connectedTo(), destination) ? 1 : 0, "appender", appender,
                    "destination", destination.toString());
        }
    }

    long totalDropped() {
        return DropTally.sum(drops.totals());
    }

    @Override
    public void sent(int events) {
        add(sent, events);
    }

    @Override
    public void acknowledged(int events) {
        add(acknowledged, events);
    }

    @Override
    public void delivered(int events) {
        add(delivered, events);
    }

    @Override
    public void dropped(int events, String reason) {
        if (events <= 0) {
            return;
        }
        add(dropped.computeIfAbsent(reason, r -> meters.counter("logshield.tls.dropped",
                "Events that could not be delivered", "appender", appender, "reason", r)), events);
        drops.add(reason, events);
        reportDrops();
    }

    /**
     * Reports the drops since the last report, if any, unless one was made less than a period ago. Called at every
     * drop and periodically, so that drops after a report are said once the period is over.
     */
    void reportDrops() {
        if (drops.hasUnreported() && dropReports.tryOpen()) {
            Map<String, Long> since = drops.takeSinceReport();
            if (!since.isEmpty()) {
                owner.addWarn("[" + appender + "] dropped " + DropTally.sum(since) + " event(s) since the last report ("
                        + DropTally.describe(since) + "), " + totalDropped() + " since start; drops are reported at most"
                        + " every " + (dropReportPeriod.toMillis() % 1000 == 0 ? dropReportPeriod.toSeconds() + " s"
                        : dropReportPeriod.toMillis() + " ms") + " and summed up at stop (see logshield.tls.dropped)");
            }
        }
    }

    @Override
    public void spoolFound(long events) {
        owner.addInfo("[" + appender + "] " + events + " event(s) left in the spool by an earlier run are delivered"
                + " first, before new events");
    }

    @Override
    public void returnedToSpool(int events) {
        add(returnedToSpool, events);
    }

    /**
     * One status message saying what the appender leaves behind: delivered, dropped by reason since start, left in
     * the spool; an error when events were dropped, a warning when some wait in the spool, else information.
     */
    void stopped(StopReport report) {
        drops.takeSinceReport();
        Map<String, Long> totals = drops.totals();
        long dropped = DropTally.sum(totals);
        StringBuilder text = new StringBuilder("[").append(appender).append("] stopped: ").append(report.delivered())
                .append(" event(s) delivered");
        text.append(dropped == 0 ? ", none dropped" : ", " + dropped + " dropped (" + DropTally.describe(totals)
                + "; see logshield.tls.dropped)");
        if (report.leftInSpool() > 0) {
            text.append(", ").append(report.leftInSpool()).append(" left in the spool ").append(spool.directory())
                    .append(report.returnedToSpool() > 0 ? " (" + report.returnedToSpool() + " of them put back from"
                            + " memory)" : "").append(", delivered first at the next start");
        } else if (report.leftInSpool() == 0) {
            text.append(", the spool is empty");
        }
        if (report.stillHeld() > 0) {
            text.append("; the sender thread has not ended (stuck in a name lookup?) and still holds ")
                    .append(report.stillHeld()).append(" event(s): it counts them when it ends");
        }
        if (dropped > 0 || report.stillHeld() > 0) {
            owner.addError(text.toString());
        } else if (report.leftInSpool() > 0) {
            owner.addWarn(text.toString());
        } else {
            owner.addInfo(text.toString());
        }
    }

    @Override
    public void replayed(int events) {
        add(replayed, events);
    }

    @Override
    public void spooled(int events) {
        add(spooled, events);
    }

    @Override
    public void connected(Destination destination, String description) {
        reconnects.increment();
        everConnected = true;
        owner.addInfo("[" + appender + "] connected to " + description);
    }

    @Override
    public void disconnected(Destination destination, String reason) {
        owner.addInfo("[" + appender + "] disconnected from " + destination + ": " + reason);
    }

    @Override
    public void connectFailed(Destination destination, String handshakeReason, Exception cause) {
        // every attempt, so that a collector that stays away shows as a growing count, not as one status line
        connectFailures.computeIfAbsent(destination, d -> meters.counter("logshield.tls.connect_failures",
                "Connection attempts that failed (name not resolved, refused, timed out, TLS refused)",
                "appender", appender, "destination", d.toString())).increment();
        if (handshakeReason != null) {
            handshakeFailures.computeIfAbsent(handshakeReason, r -> meters.counter("logshield.tls.handshake_failures",
                    "TLS handshakes refused by or refusing the collector", "appender", appender, "reason", r))
                    .increment();
        }
        if (connectFailureReports.tryOpen()) {
            String what = handshakeReason != null ? "TLS refused (" + handshakeReason + ")" : "cannot connect";
            owner.addError("[" + appender + "] " + what + " to " + destination + ": " + cause.getMessage()
                    + " (retrying with backoff; events are buffered" + (everConnected ? "" : ", nothing delivered yet")
                    + ")");
        }
    }

    @Override
    public void senderFailed(Throwable failure, int eventsLost) {
        senderFailures.increment();
        senderFailuresSinceReport.incrementAndGet();
        if (senderFailureReports.tryOpen()) {
            long failures = senderFailuresSinceReport.getAndSet(0);
            owner.addError("[" + appender + "] the sender thread failed" + (failures > 1 ? " " + failures
                    + " times since the last report, the last time" : "") + " with " + failure + "; the "
                    + eventsLost + " event(s) it held are dropped (logshield.tls.dropped{reason="
                    + Sender.SENDER_FAILURE + "}) and delivery restarts after a backoff (see"
                    + " logshield.tls.sender_failures)", failure);
        }
    }

    /** A status error once per period for failures on the logging path. */
    void reportOnce(String message, Throwable cause) {
        if (encoderFailureReports.tryOpen()) {
            owner.addError(message, cause);
        }
    }

    /** Counts an event longer than the framing carries as dropped, with a status warning once per period. */
    void tooLarge(int length, String limit) {
        dropped(1, "too-large");
        if (tooLargeReports.tryOpen()) {
            owner.addWarn("dropped a " + length + "-byte event: " + limit + " (counted in"
                    + " logshield.tls.dropped{reason=too-large})");
        }
    }

    private static void add(EventCounter counter, int n) {
        if (n > 0) {
            counter.increment(n);
        }
    }
}
