package dev.logshield.tls.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that talks to collectors. Application threads only call {@link #accept}, which enqueues (or
 * spools, or drops and counts) and returns; this thread connects (destinations in preference order, names resolved
 * at every attempt, exponential backoff with jitter), writes batches, notices dead peers, re-sends what a dead
 * peer may have lost (replay window) or did not acknowledge (RELP), and drains within a bound on stop. A
 * {@link StallWatchdog} drops a connection whose write has been blocked for the write timeout (a peer that stopped
 * reading without closing never makes a write fail); the sender thread does the same when RELP acknowledgements stay
 * away as long.
 *
 * <p>Nothing unexpected ends the sender thread while the appender runs: an exception or error thrown on it (a bug, a
 * component that throws, memory run out) is reported, the events it held are counted as dropped
 * ({@value #SENDER_FAILURE}) and never retried, since they may be what fails, the connection is closed (a frame may
 * be half-written), and delivery starts over after a backoff that grows while failures follow each other. Every
 * deadline runs on {@link System#nanoTime()}: a wall-clock step neither ends nor prolongs a wait.
 *
 * <p>With a spool, events go to disk once the memory buffer is full, and from then on behind it until both are
 * drained, so order is kept; a spool left by an earlier run is delivered first. The spool is read without waiting
 * while it holds events, and an event read from it stays on disk until it is settled. Every event taken ends in
 * exactly one place: delivered (written; for RELP, acknowledged), counted as dropped by reason, or, at stop, in the
 * spool: what is still in memory then (unacknowledged, not yet written) is put back in front of the spool, in order.
 */
public final class Sender {

    /** The drop reason of events the sender held when something unexpected failed on its thread. */
    public static final String SENDER_FAILURE = "sender-failure";

    private static final long POLL_MS = 50;
    /** How long stop() waits, after closing the sockets, for the thread to finish. */
    private static final long ABORT_GRACE_MS = 2_000;
    private static final List<Outgoing> NOTHING = List.of();

    private final SenderSettings settings;
    private final DeliveryQueue queue;
    private final DiskSpool spool;
    private final OverflowPolicy overflow;
    private final long blockTimeoutMs;
    private final TransportFactory transports;
    private final SessionFactory sessions;
    private final DeliveryListener listener;
    private final Backoff backoff;
    /** Between restarts after unexpected failures; reset by a batch delivered without one. */
    private final Backoff restarts;
    private final ReplayWindow replay;
    private final Deque<Outgoing> unacknowledged = new ArrayDeque<>();
    /** Events read from the spool, in reading order, until settled and committed there. */
    private final Deque<Outgoing> spoolInFlight = new ArrayDeque<>();
    private final List<byte[]> taken = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private final Object spoolLock = new Object();
    private final Thread thread;
    private final Thread watchdog;

    private volatile boolean stopping;
    /** {@link System#nanoTime()} by which stop() wants the thread done; read only once {@link #stopping} is set. */
    private volatile long stopDeadlineNanos;
    private volatile Destination connectedTo;
    private volatile Transport liveTransport;
    private volatile boolean aborted;
    /** New events go to the spool (behind the memory buffer) until both are drained; set under spoolLock. */
    private volatile boolean spooling;
    private Session session;
    private volatile Transport transport;
    private volatile String abandoned;
    private long awaitingAckSinceNanos;
    /** Events taken for delivery whose outcome is not counted yet: what an unexpected failure loses. */
    private List<Outgoing> inHand = NOTHING;
    private Destination current;
    private int nextDestination;
    /** Events delivered since start, each once; written by the sender thread only. */
    private volatile long delivered;
    private volatile StopReport report;

    public Sender(SenderSettings settings, DeliveryQueue queue, DiskSpool spool, OverflowPolicy overflow,
                  long blockTimeoutMs, TransportFactory transports, SessionFactory sessions, DeliveryListener listener,
                  String threadName) {
        this.settings = settings;
        this.queue = queue;
        this.spool = spool;
        this.overflow = overflow;
        this.blockTimeoutMs = blockTimeoutMs;
        this.transports = transports;
        this.sessions = sessions;
        this.listener = listener;
        this.backoff = new Backoff(settings.backoffMinMs(), settings.backoffMaxMs());
        this.restarts = new Backoff(settings.backoffMinMs(), settings.backoffMaxMs());
        this.replay = new ReplayWindow(settings.replayWindow());
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.watchdog = new Thread(new StallWatchdog(settings.writeTimeoutMs(), thread, () -> transport,
                () -> stopping && pastStopDeadline(), this::abandon), threadName + "-watchdog");
        this.watchdog.setDaemon(true);
    }

    public void start() {
        if (spool != null && !spool.isEmpty()) {
            // an earlier run left events: they go first, and new events queue behind them on disk
            spooling = true;
            listener.spoolFound(spool.unread());
        }
        thread.start();
        watchdog.start();
    }

    /** The destination currently connected, or null. */
    public Destination connectedTo() {
        return connectedTo;
    }

    /**
     * Called on application threads: enqueue, or (with a spool) spill to disk once the buffer is full, or drop
     * according to the overflow policy. Never does network I/O; never throws.
     */
    public void accept(byte[] event) {
        if (spool != null) {
            acceptWithSpool(event);
            return;
        }
        switch (queue.offer(event, overflow, blockTimeoutMs)) {
            case DROPPED_NEWEST -> listener.dropped(1, "queue-full");
            case ACCEPTED_DROPPED_OLDEST -> listener.dropped(1, "queue-full-oldest");
            default -> { }
        }
    }

    private void acceptWithSpool(byte[] event) {
        synchronized (spoolLock) {
            if (!spooling) {
                if (queue.offer(event, OverflowPolicy.DROP_NEWEST, 0) == DeliveryQueue.Outcome.ACCEPTED) {
                    return;
                }
                // from now on, new events go to disk behind the queue, until the spool is drained: order is kept
                spooling = true;
            }
            try {
                if (spool.append(event)) {
                    listener.spooled(1);
                } else {
                    listener.dropped(1, "spool-full");
                }
            } catch (IOException e) {
                listener.dropped(1, "spool-failed");
            }
        }
    }

    /**
     * Delivers what is buffered (memory, spool) for at most {@code stopTimeoutMs}, then closes and reports what it
     * leaves: with a spool, what is still in memory is put back into it; without, it is counted as dropped
     * ({@code undelivered-at-stop}). Returns within the stop timeout plus a short grace: at the deadline, I/O that an
     * interrupt cannot end (a connect or handshake the peer never answers, a write to a collector that stopped
     * reading) is ended by closing its socket.
     */
    public StopReport stop() {
        stopDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.stopTimeoutMs());
        stopping = true;
        thread.interrupt();
        join(settings.stopTimeoutMs() + POLL_MS);
        if (thread.isAlive()) {
            aborted = true;
            transports.abort();
            Transport live = liveTransport;
            if (live != null) {
                live.abort();
            }
            join(ABORT_GRACE_MS);
        }
        StopReport done = report;
        if (done == null) {
            // a thread still alive (stuck in a name lookup) settles what it holds when it ends
            return new StopReport(delivered, 0, spool == null ? -1 : spool.events(), queue.size()
                    + (long) unacknowledged.size());
        }
        return done;
    }

    private void join(long ms) {
        try {
            thread.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Outgoing> batch = new ArrayList<>(settings.batchSize());
        try {
            while (!(stopping && (nothingPending() || pastStopDeadline()))) {
                try {
                    deliverOnce(batch);
                } catch (RuntimeException | Error failure) {
                    // whatever it is, ending the thread would leave a started appender whose queue only fills
                    recover(failure);
                }
            }
        } finally {
            finish();
        }
    }

    /** One step: (re)connect, collect acknowledgements, or take a batch and write it. */
    private void deliverOnce(List<Outgoing> batch) {
        if (session == null || !session.isAlive()) {
            if (!reconnect()) {
                return;
            }
        }
        collectAcknowledgements(0);
        if (acknowledgementsOverdue()) {
            return;
        }
        int room = Math.min(settings.batchSize(), session.windowRemaining());
        if (room <= 0) {
            collectAcknowledgements(POLL_MS);
            return;
        }
        batch.clear();
        inHand = batch;
        fill(batch, room);
        if (batch.isEmpty()) {
            inHand = NOTHING;
            if (!unacknowledged.isEmpty()) {
                collectAcknowledgements(POLL_MS);
            }
            return;
        }
        write(batch);
    }

    /**
     * After an unexpected failure on the sender thread: counts the events in hand as dropped and withdraws them
     * from re-sending (an event that makes delivery fail would fail at every retry), closes the connection, reports,
     * and waits a backoff before the loop starts over. Never throws.
     */
    private void recover(Throwable failure) {
        List<Outgoing> lost = inHand;
        inHand = NOTHING;
        try {
            withdrawFromTail(unacknowledged, lost);
            replay.withdraw(lost);
            if (session != null) {
                closeSession("the sender failed: " + failure);
            }
            int dropped = settle(lost);
            quietly(() -> listener.dropped(dropped, SENDER_FAILURE));
            quietly(this::commitSpool);
            quietly(() -> listener.senderFailed(failure, dropped));
        } catch (RuntimeException | Error again) {
            // recovering failed as well: the loop starts over all the same
        } finally {
            pause(restarts.nextDelayMs());
        }
    }

    /** Removes {@code events} from the end of {@code deque} where they were appended last. */
    private static void withdrawFromTail(Deque<Outgoing> deque, List<Outgoing> events) {
        for (int i = events.size() - 1; i >= 0 && deque.peekLast() == events.get(i); i--) {
            deque.pollLast();
        }
    }

    private static void quietly(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException | Error e) {
            // reporting is best effort: delivery goes on
        }
    }

    private boolean pastStopDeadline() {
        return System.nanoTime() - stopDeadlineNanos >= 0;
    }

    /** Sleeps {@code delayMs}, or less when stop() wants the thread done sooner; stop() interrupts it. */
    private void pause(long delayMs) {
        long delay = delayMs;
        if (stopping) {
            delay = Math.min(delay, Math.max(0, TimeUnit.NANOSECONDS.toMillis(stopDeadlineNanos - System.nanoTime())));
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            // stop() interrupts the wait
        }
    }

    private boolean nothingPending() {
        return queue.isEmpty() && unacknowledged.isEmpty() && !replay.hasUnsettled()
                && (spool == null || spool.isEmpty());
    }

    /**
     * Takes the next events: the memory buffer first (while spooling it holds the oldest), then the spool. Waits for
     * new events only when there is nothing else to send: never while the spool holds some.
     */
    private void fill(List<Outgoing> batch, int room) {
        boolean spoolWaiting = spooling;
        try {
            queue.drain(taken, room, stopping || spoolWaiting ? 0 : POLL_MS);
        } catch (InterruptedException e) {
            // stop() interrupts to cut waits short; the loop re-checks
        }
        for (byte[] event : taken) {
            batch.add(new Outgoing(event, false));
        }
        taken.clear();
        if (spoolWaiting && batch.size() < room && queue.isEmpty()) {
            takeFromSpool(batch, room - batch.size());
        }
    }

    /** Reads up to {@code room} events from the spool; once it and the memory buffer are empty, spooling ends. */
    private void takeFromSpool(List<Outgoing> batch, int room) {
        List<byte[]> read = spool.poll(room);
        for (byte[] event : read) {
            Outgoing outgoing = new Outgoing(event, true);
            batch.add(outgoing);
            spoolInFlight.addLast(outgoing);
        }
        long unreadable = spool.takeLost();
        if (unreadable > 0) {
            listener.dropped((int) Math.min(Integer.MAX_VALUE, unreadable), "spool-failed");
        }
        if (read.size() < room) {
            synchronized (spoolLock) {
                if (spool.isEmpty() && queue.isEmpty()) {
                    spooling = false;
                }
            }
        }
    }

    /** Writes the batch and counts its outcome; it is in hand until then. */
    private void write(List<Outgoing> batch) {
        inHand = batch;
        boolean acknowledges = session.acknowledges();
        if (acknowledges) {
            if (unacknowledged.isEmpty()) {
                awaitingAckSinceNanos = System.nanoTime();
            }
            unacknowledged.addAll(batch);
        }
        for (Outgoing event : batch) {
            frames.add(event.bytes);
        }
        try {
            session.send(frames);
            listener.sent(batch.size());
            if (!acknowledges) {
                int fresh = settle(batch);
                for (Outgoing event : batch) {
                    keepForReplay(event);
                }
                countDelivered(fresh);
            }
        } catch (IOException e) {
            if (!acknowledges) {
                // which of these reached the peer is unknown: the replay window keeps the newest it can hold for
                // re-sending, unsettled; the others not delivered before are counted as dropped
                int kept = Math.min(batch.size(), settings.replayWindow());
                listener.dropped(settle(batch.subList(0, batch.size() - kept)), "connection-lost");
                for (Outgoing event : batch.subList(batch.size() - kept, batch.size())) {
                    keepForReplay(event);
                }
            }
        } finally {
            frames.clear();
        }
        commitSpool();
        inHand = NOTHING;
        restarts.reset();
    }

    /** Keeps a written event for replay; one pushed out of the window before it was delivered is dropped. */
    private void keepForReplay(Outgoing event) {
        Outgoing out = replay.sent(event);
        if (out != null && !out.settled) {
            out.settled = true;
            listener.dropped(1, "connection-lost");
        }
    }

    /** Marks the events settled; returns how many were not settled before. */
    private static int settle(List<Outgoing> events) {
        int settled = 0;
        for (Outgoing event : events) {
            if (!event.settled) {
                event.settled = true;
                settled++;
            }
        }
        return settled;
    }

    private void countDelivered(int events) {
        if (events > 0) {
            delivered += events;
            listener.delivered(events);
        }
    }

    /** Removes from the spool the events read from it that are settled, oldest first (they settle in order). */
    private void commitSpool() {
        int settled = 0;
        while (!spoolInFlight.isEmpty() && spoolInFlight.peekFirst().settled) {
            spoolInFlight.pollFirst();
            settled++;
        }
        if (settled > 0) {
            try {
                spool.commit(settled);
            } catch (IOException e) {
                // the delivered mark is not on disk: a later start may send these again, never lose them
            }
        }
    }

    private void collectAcknowledgements(long waitMs) {
        if (session == null || !session.acknowledges()) {
            return;
        }
        try {
            int acked = session.acknowledged(waitMs);
            int fresh = 0;
            for (int i = 0; i < acked && !unacknowledged.isEmpty(); i++) {
                Outgoing event = unacknowledged.pollFirst();
                if (!event.settled) {
                    event.settled = true;
                    fresh++;
                }
            }
            if (acked > 0) {
                awaitingAckSinceNanos = System.nanoTime();
                listener.acknowledged(acked);
                countDelivered(fresh);
                commitSpool();
            }
        } catch (InterruptedException e) {
            // stop() interrupts to cut waits short
        }
    }

    /** RELP: true (and the connection dropped) when the oldest unacknowledged event waited the write timeout. */
    private boolean acknowledgementsOverdue() {
        long timeout = settings.writeTimeoutMs();
        if (timeout <= 0 || unacknowledged.isEmpty() || !session.acknowledges()) {
            return false;
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - awaitingAckSinceNanos);
        if (waited < timeout) {
            return false;
        }
        abandon(transport, "no RELP acknowledgement for " + waited + " ms: the collector is hung or unreachable");
        return true;
    }

    private void abandon(Transport watched, String why) {
        if (watched != null && !watched.isClosed()) {
            abandoned = why;
            watched.abort();
        }
    }

    private boolean reconnect() {
        if (session != null) {
            collectAcknowledgements(0);
            String why = abandoned;
            closeSession(why != null ? why : session.failure());
        }
        if (!connect()) {
            pause(backoff.nextDelayMs());
            return false;
        }
        backoff.reset();
        List<Outgoing> resend = session.acknowledges() ? new ArrayList<>(unacknowledged) : replay.takeForReplay();
        if (!resend.isEmpty()) {
            unacknowledged.clear();
            write(resend);
            listener.replayed(resend.size());
        }
        return session != null && session.isAlive();
    }

    /** Closes the session and forgets its connection before reporting why, so that a failing report leaves none. */
    private void closeSession(String why) {
        Session ending = session;
        session = null;
        transport = null;
        abandoned = null;
        connectedTo = null;
        liveTransport = null;
        ending.close();
        listener.disconnected(current, why);
    }

    private boolean connect() {
        List<Destination> destinations = settings.destinations();
        int start = settings.preferPrimary() ? 0 : nextDestination;
        for (int i = 0; i < destinations.size(); i++) {
            int index = (start + i) % destinations.size();
            Destination destination = destinations.get(index);
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(destination.host());
            } catch (IOException e) {
                listener.connectFailed(destination, null, e);
                continue;
            }
            for (InetAddress address : addresses) {
                if (stopping && pastStopDeadline()) {
                    return false;
                }
                Transport transport = null;
                try {
                    transport = transports.open(destination, address);
                    this.transport = transport;
                    liveTransport = transport;
                    session = sessions.open(transport);
                    current = destination;
                    connectedTo = destination;
                    nextDestination = index;
                    listener.connected(destination, transport.description());
                    return true;
                } catch (PeerRejectedException e) {
                    this.transport = null;
                    close(transport);
                    if (!aborted) {
                        listener.connectFailed(destination, e.reason(), e);
                    }
                } catch (IOException | RuntimeException e) {
                    this.transport = null;
                    close(transport);
                    if (!aborted) {
                        listener.connectFailed(destination, null, e);
                    }
                }
            }
        }
        return false;
    }

    private void close(Transport transport) {
        liveTransport = null;
        if (transport != null) {
            transport.close();
        }
    }

    private void finish() {
        quietly(() -> collectAcknowledgements(0));
        if (session != null) {
            Session ending = session;
            session = null;
            transport = null;
            connectedTo = null;
            liveTransport = null;
            quietly(ending::close);
            quietly(() -> listener.disconnected(current, "stopped"));
        }
        List<Outgoing> left = new ArrayList<>(unacknowledged);
        unacknowledged.clear();
        left.addAll(replay.takeUnsettled());
        queue.drainAll(taken);
        for (byte[] event : taken) {
            left.add(new Outgoing(event, false));
        }
        taken.clear();
        long returned = spool == null ? dropAtStop(left) : putBack(left);
        report = new StopReport(delivered, returned, spool == null ? -1 : spool.events(), 0);
    }

    /** Without a spool: what is still in memory is counted as dropped. */
    private long dropAtStop(List<Outgoing> left) {
        int dropped = settle(left);
        quietly(() -> listener.dropped(dropped, "undelivered-at-stop"));
        return 0;
    }

    /**
     * With a spool: what is still in memory goes back in front of the spool, in delivery order (events read from it
     * move there from where they were); what does not fit is counted as dropped. Returns how many came from memory.
     */
    private long putBack(List<Outgoing> left) {
        List<byte[]> bytes = new ArrayList<>(left.size());
        for (Outgoing event : left) {
            bytes.add(event.bytes);
        }
        int kept;
        String reason = "spool-full";
        try {
            kept = spool.putBack(bytes);
        } catch (IOException e) {
            // nothing was moved: events read from the spool are still there; the others are lost
            kept = 0;
            reason = "spool-failed";
            left.removeIf(event -> event.fromSpool);
        }
        int returned = 0;
        for (Outgoing event : left.subList(0, Math.min(kept, left.size()))) {
            if (!event.fromSpool) {
                returned++;
            }
        }
        int dropped = left.size() - Math.min(kept, left.size());
        String why = reason;
        int back = returned;
        quietly(() -> listener.dropped(dropped, why));
        quietly(() -> listener.returnedToSpool(back));
        try {
            spool.close();
        } catch (IOException e) {
            // the spool's files stay for the next start
        }
        return returned;
    }
}
