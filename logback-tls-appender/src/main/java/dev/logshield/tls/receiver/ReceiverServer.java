package dev.logshield.tls.receiver;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.Meters;
import dev.logshield.tls.config.ReloadingServerContext;
import dev.logshield.tls.receiver.parse.EventParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The listening socket and the threads behind it: one acceptor, one thread per connection (daemon, 256 KiB stack,
 * named {@code logshield-receiver-<port>-<n>}), one {@link EventDispatcher}, one {@link Watchdog}. The acceptor
 * closes a new connection at once, before any TLS, when {@code <maxConnections>} are open or its network (an IPv4
 * address, an IPv6 /64) already has {@code <maxHandshakesPerAddress>} handshakes under way, so no thread is spent on
 * it; when {@code <maxHandshakes>} are under way, the oldest of them gives way to it ({@link HandshakeSlots}).
 *
 * <p>{@link #stop} never hangs: within the stop timeout it stops accepting, lets every connection stop reading at
 * its next frame boundary (a RELP session first acknowledges every event it handed over and sends
 * {@code serverclose}, so its client resends none of them; a connection blocked in a read has nothing to
 * acknowledge and is closed at once), then hands what is still queued to the appenders; it counts what is left as
 * {@code frames.dropped{reason=shutdown}}, force-closes what has not ended, and joins its threads with bounded
 * waits.
 */
final class ReceiverServer {

    static final String SHUTDOWN = "shutdown";

    private static final int BACKLOG = 128;
    private static final long STACK_SIZE = 256 * 1024;
    private static final long ACCEPT_RETRY_MILLIS = 100;

    private final ServerSocket serverSocket;
    private final Services services;
    private final ThreadGroup threads;
    private final Thread acceptor;
    private final Thread watchdogThread;
    private final EventDispatcher dispatcher;
    private final Map<ClientConnection, Thread> connections = new ConcurrentHashMap<>();
    private final AtomicInteger connectionNumber = new AtomicInteger();
    private final int port;
    private volatile boolean stopping;

    /**
     * The parts every connection uses; {@code redaction} turns each event into what the appenders may see (its
     * redacted view, or the event itself when redaction is off) and never throws.
     */
    record Parts(ReceiverSettings settings, ReloadingServerContext tls, AllowList allowList, WireFormats wireFormats,
                 EventParser parser, ReceivedEventFactory eventFactory, ContextAware status,
                 Meters meters, LoggerContext context, UnaryOperator<ILoggingEvent> redaction) {
    }

    private ReceiverServer(ServerSocket serverSocket, Parts parts) {
        this.serverSocket = serverSocket;
        this.port = serverSocket.getLocalPort();
        ReceiverSettings settings = parts.settings();
        ReceiverMetrics metrics = new ReceiverMetrics(parts.meters(), port);
        ConnectionLimits limits = new ConnectionLimits(settings.maxConnections(), settings.maxHandshakes(),
                settings.maxHandshakesPerAddress(), settings.maxConnectionsPerClient());
        EventQueue queue = new EventQueue(settings.queueSize(), settings.queueMaxBytes());
        metrics.bind(limits, queue);
        Watchdog watchdog = new Watchdog(settings.statsIntervalMillis(),
                () -> parts.status().addInfo(metrics.summary(queue.capacity())));
        this.services = new Services(parts, limits, new ClientRateLimiter(settings.maxEventsPerSecond()), queue,
                metrics, new ThrottledStatus(parts.status(), 10_000), watchdog, this);
        this.threads = new ThreadGroup("logshield-receiver-" + port);
        this.dispatcher = new EventDispatcher(parts.context(), parts.redaction(), queue, metrics, services.status(),
                task -> newThread("dispatcher", task));
        this.acceptor = newThread("acceptor", this::acceptLoop);
        this.watchdogThread = newThread("watchdog", watchdog);
    }

    /**
     * Binds the port and starts the dispatcher; connections are accepted once {@link #open()} is called (until then
     * clients wait in the listen backlog, their handshake not started).
     *
     * @throws IOException when the port cannot be bound (in use, no permission, no such local address)
     */
    static ReceiverServer start(Parts parts) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(parts.settings().address(), parts.settings().port()), BACKLOG);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        ReceiverServer server = new ReceiverServer(socket, parts);
        server.dispatcher.start();
        server.watchdogThread.start();
        return server;
    }

    /**
     * Starts accepting connections; called once the context's appenders are in place. Does nothing when already open
     * or stopping.
     */
    synchronized void open() {
        if (!stopping && acceptor.getState() == Thread.State.NEW) {
            acceptor.start();
        }
    }

    /** Whether {@link #open()} has started accepting connections. */
    synchronized boolean isOpen() {
        return acceptor.getState() != Thread.State.NEW;
    }

    /** The port listened on (the one chosen when 0 was configured). */
    int port() {
        return port;
    }

    /** The counts for the stats line. */
    String summary() {
        return services.metrics().summary(services.queue().capacity());
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (stopping || serverSocket.isClosed()) {
                    return;
                }
                // e.g. out of file descriptors: say so, and do not spin
                services.status().warn("accept", () -> "receiver on port " + port + " cannot accept connections: " + e);
                pause();
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        ConnectionLimits limits = services.limits();
        if (!limits.tryOpen()) {
            refuse(socket, "too-many-connections", "<maxConnections> " + services.settings().maxConnections()
                    + " connections are open");
            return;
        }
        Deadline deadline = new Deadline(socket);
        HandshakeSlots.Slot handshake = limits.handshakes().claim(socket.getInetAddress(), deadline);
        if (handshake == null) {
            limits.closed();
            refuse(socket, "too-many-handshakes", "its network " + SourceNetwork.of(socket.getInetAddress())
                    + " already has <maxHandshakesPerAddress> " + services.settings().maxHandshakesPerAddress()
                    + " handshakes under way");
            return;
        }
        ClientConnection connection = new ClientConnection(socket, deadline, handshake, services);
        Thread thread = newThread(Integer.toString(connectionNumber.incrementAndGet()), connection);
        connections.put(connection, thread);
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            // no native thread left: this connection cannot be served
            connections.remove(connection);
            handshake.release();
            limits.closed();
            refuse(socket, "no-thread", "no thread could be started for it (" + e.getMessage() + ")");
            return;
        }
        if (stopping) {
            connection.deadline().end(SHUTDOWN);
        }
    }

    private void refuse(Socket socket, String reason, String why) {
        services.metrics().rejected(reason);
        String from = ClientIdentity.address((InetSocketAddress) socket.getRemoteSocketAddress());
        services.status().warn("rejected-" + reason, () -> "receiver closed a new connection from " + from + " at once: "
                + why + " (counted in " + ReceiverMetrics.PREFIX + "connections.rejected{reason=" + reason + "})");
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    /**
     * Stops accepting, lets the connections end at a frame boundary (RELP sessions acknowledging what they handed
     * over), hands the queued events to the appenders, all within {@code <stopTimeout>}, and joins the threads.
     *
     * @return the events still queued when the time was up, counted as dropped
     */
    long stop() {
        long deadline = System.nanoTime() + services.settings().stopTimeoutMillis() * 1_000_000L;
        synchronized (this) {
            stopping = true;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closed anyway
        }
        join(acceptor, 1_000);
        // the queue stays open and the dispatcher running: a RELP session waits for its events to be dispatched
        connections.keySet().forEach(ClientConnection::stopReading);
        for (Thread thread : new ArrayList<>(connections.values())) {
            join(thread, (deadline - System.nanoTime()) / 1_000_000L);
        }
        for (Map.Entry<ClientConnection, Thread> c : new ArrayList<>(connections.entrySet())) {
            // out of time: closed under their feet, what they handed over unacknowledged may be resent
            c.getKey().deadline().end(SHUTDOWN);
            c.getValue().interrupt();
        }
        long left = dispatcher.drain(deadline);
        for (Thread thread : new ArrayList<>(connections.values())) {
            join(thread, Math.max(100, (deadline - System.nanoTime()) / 1_000_000L));
        }
        services.watchdog().stop();
        watchdogThread.interrupt();
        join(watchdogThread, 1_000);
        List<String> stuck = new ArrayList<>();
        connections.values().forEach(t -> stuck.add(t.getName()));
        if (!stuck.isEmpty()) {
            services.status().warn("stop", () -> "receiver on port " + port + " stopped; threads still ending: " + stuck);
        }
        return left;
    }

    private void connectionEnded(ClientConnection connection) {
        connections.remove(connection);
        services.limits().closed();
    }

    private Thread newThread(String suffix, Runnable task) {
        Thread thread = new Thread(threads, task, "logshield-receiver-" + port + "-" + suffix, STACK_SIZE);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What each connection needs, built once: the configured parts and the server's own. */
    record Services(Parts parts, ConnectionLimits limits, ClientRateLimiter rateLimiter, EventQueue queue,
                    ReceiverMetrics metrics, ThrottledStatus status, Watchdog watchdog, ReceiverServer server) {

        ReceiverSettings settings() {
            return parts.settings();
        }

        ReloadingServerContext tls() {
            return parts.tls();
        }

        AllowList allowList() {
            return parts.allowList();
        }

        WireFormats wireFormats() {
            return parts.wireFormats();
        }

        EventParser parser() {
            return parts.parser();
        }

        ReceivedEventFactory eventFactory() {
            return parts.eventFactory();
        }

        /** Whether the receiver is stopping (a connection ending now ends for that reason). */
        boolean stopping() {
            return server.stopping;
        }

        /** Called once by each connection as it ends. */
        void connectionEnded(ClientConnection connection) {
            server.connectionEnded(connection);
        }
    }
}
