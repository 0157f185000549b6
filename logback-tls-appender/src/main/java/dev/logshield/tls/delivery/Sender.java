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
 */
public final class Sender {

    /** The drop reason of events the sender held when something unexpected failed on its thread. */
    public static final String SENDER_FAILURE = "sender-failure";

    private static final long POLL_MS = 50;
    /** How long stop() waits, after closing the sockets, for the thread to finish. */
    private static final long ABORT_GRACE_MS = 2_000;
    private static final List<byte[]> NOTHING = List.of();

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
    private final Deque<byte[]> unacknowledged = new ArrayDeque<>();
    private final Object spoolLock = new Object();
    private final Thread thread;
    private final Thread watchdog;

    private volatile boolean stopping;
    /** {@link System#nanoTime()} by which stop() wants the thread done; read only once {@link #stopping} is set. */
    private volatile long stopDeadlineNanos;
    private volatile Destination connectedTo;
    private volatile Transport liveTransport;
    private volatile boolean aborted;
    private boolean spooling;
    private Session session;
    private volatile Transport transport;
    private volatile String abandoned;
    private long awaitingAckSinceNanos;
    /** Events taken for delivery whose outcome is not counted yet: what an unexpected failure loses. */
    private List<byte[]> inHand = NOTHING;
    private Destination current;
    private int nextDestination;
    private volatile long undelivered;

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
     * Delivers what is buffered for at most {@code stopTimeoutMs}, then closes; returns how many events were not
     * delivered (still in memory, or sent without acknowledgement). Events left in a spool stay on disk for the
     * next start and are not counted here. Returns within the stop timeout plus a short grace: at the deadline,
     * I/O that an interrupt cannot end (a connect or handshake the peer never answers, a write to a collector that
     * stopped reading) is ended by closing its socket.
     */
    public long stop() {
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
        // a thread still alive (stuck in a name lookup) counts its losses when it ends
        return thread.isAlive() ? queue.size() : undelivered;
    }

    private void join(long ms) {
        try {
            thread.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<byte[]> batch = new ArrayList<>(settings.batchSize());
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
    private void deliverOnce(List<byte[]> batch) {
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
        List<byte[]> lost = inHand;
        inHand = NOTHING;
        try {
            withdrawFromTail(unacknowledged, lost);
            replay.withdraw(lost);
            if (session != null) {
                closeSession("the sender failed: " + failure);
            }
            quietly(() -> listener.dropped(lost.size(), SENDER_FAILURE));
            quietly(() -> listener.senderFailed(failure, lost.size()));
        } catch (RuntimeException | Error again) {
            // recovering failed as well: the loop starts over all the same
        } finally {
            pause(restarts.nextDelayMs());
        }
    }

    /** Removes {@code events} from the end of {@code deque} where they were appended last. */
    private static void withdrawFromTail(Deque<byte[]> deque, List<byte[]> events) {
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
        return queue.isEmpty() && unacknowledged.isEmpty() && (spool == null || spool.isEmpty());
    }

    private void fill(List<byte[]> batch, int room) {
        try {
            queue.drain(batch, room, stopping ? 0 : POLL_MS);
        } catch (InterruptedException e) {
            // stop() interrupts to cut waits short; the loop re-checks
        }
        if (batch.isEmpty() && spool != null) {
            synchronized (spoolLock) {
                if (spooling) {
                    try {
                        List<byte[]> spooled = spool.poll(room);
                        batch.addAll(spooled);
                        if (spool.isEmpty() && queue.isEmpty()) {
                            spooling = false;
                        }
                    } catch (IOException e) {
                        listener.dropped(0, "spool-failed");
                    }
                }
            }
        }
    }

    /** Writes the batch and counts its outcome; it is in hand until then. */
    private void write(List<byte[]> batch) {
        inHand = batch;
        if (session.acknowledges()) {
            if (unacknowledged.isEmpty()) {
                awaitingAckSinceNanos = System.nanoTime();
            }
            unacknowledged.addAll(batch);
        }
        try {
            session.send(batch);
            listener.sent(batch.size());
            if (!session.acknowledges()) {
                for (byte[] event : batch) {
                    replay.sent(event);
                }
            }
        } catch (IOException e) {
            if (!session.acknowledges()) {
                // which of these reached the peer is unknown: the replay window keeps the newest it can hold for
                // re-sending; the others, never counted as sent, are counted as dropped
                int kept = Math.min(batch.size(), settings.replayWindow());
                listener.dropped(batch.size() - kept, "connection-lost");
                for (byte[] event : batch.subList(batch.size() - kept, batch.size())) {
                    replay.sent(event);
                }
            }
        }
        inHand = NOTHING;
        restarts.reset();
    }

    private void collectAcknowledgements(long waitMs) {
        if (session == null || !session.acknowledges()) {
            return;
        }
        try {
            int acked = session.acknowledged(waitMs);
            for (int i = 0; i < acked && !unacknowledged.isEmpty(); i++) {
                unacknowledged.pollFirst();
            }
            if (acked > 0) {
                awaitingAckSinceNanos = System.nanoTime();
                listener.acknowledged(acked);
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
        List<byte[]> resend = session.acknowledges() ? new ArrayList<>(unacknowledged) : replay.takeForReplay();
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
        long left = queue.size() + unacknowledged.size();
        undelivered = left;
        if (left > 0) {
            quietly(() -> listener.dropped((int) Math.min(Integer.MAX_VALUE, left), "undelivered-at-stop"));
        }
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                // the spool's files stay for the next start
            }
        }
    }
}
