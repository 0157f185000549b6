package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one thread that hands received events to the receiver context's appenders, in the order they were queued,
 * the way Logback's own socket receiver did: the logger of the event's name decides by its effective level, then
 * {@code callAppenders} runs the appenders of the logger and its ancestors (additivity honoured). TurboFilters are
 * not applied: they decide at the logging call, which happened in the client. The appenders get the event's redacted
 * view (the receiver's {@code <redaction>}), computed on this thread only for events the logger lets through, so
 * that a LogShield appender of the context with the same settings finds it already made.
 *
 * <p>No logger is created for a name a client sends: the event goes through the nearest existing ancestor (the
 * logger a new one would inherit its level and appenders from), so clients cannot fill the context with
 * loggers, while the event keeps the name it was sent with. Appender failures are reported, rate-limited, and never stop the thread.
 *
 * <p>An event its logger lets through but that reaches no started appender (no appender-ref on the way to the root,
 * or none started) is not taken: it is counted in {@code frames.dropped{reason=no-appender}}, reported, and its
 * connection's {@link DispatchTracker} is told, so that RELP refuses to acknowledge it (the client sends it again).
 */
final class EventDispatcher implements Runnable {

    /** The drop reason of an event no started appender would take. */
    static final String NO_APPENDER = "no-appender";

    private final LoggerContext context;
    private final UnaryOperator<ILoggingEvent> redaction;
    private final EventQueue queue;
    private final ReceiverMetrics metrics;
    private final ThrottledStatus status;
    private final Thread thread;

    EventDispatcher(LoggerContext context, UnaryOperator<ILoggingEvent> redaction, EventQueue queue,
            ReceiverMetrics metrics, ThrottledStatus status, Function<Runnable, Thread> threads) {
        this.context = context;
        this.redaction = redaction;
        this.queue = queue;
        this.metrics = metrics;
        this.status = status;
        this.thread = threads.apply(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (true) {
            QueuedEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                return;
            }
            dispatch(event);
        }
    }

    private void dispatch(QueuedEvent queued) {
        LoggingEvent event = queued.event();
        boolean taken = true;
        try {
            Route route = route(event.getLoggerName());
            if (route.logger().isEnabledFor(event.getLevel())) {
                if (route.reachesStartedAppender()) {
                    route.logger().callAppenders(redaction.apply(event));
                } else {
                    taken = false;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            status.warn("dispatch", () -> "receiver: the appenders failed on an event of logger "
                    + event.getLoggerName() + ": " + e);
        }
        if (taken) {
            queued.counted().increment();
        } else {
            metrics.dropped(NO_APPENDER, 1);
            status.warn(NO_APPENDER, () -> "receiver: no started appender takes the events of logger "
                    + event.getLoggerName() + " (nor of its ancestors); refused, not acknowledged (RELP clients send"
                    + " them again), counted in " + ReceiverMetrics.PREFIX + "frames.dropped{reason=" + NO_APPENDER
                    + "}; attach an appender to the root logger");
        }
        if (queued.tracker() != null) {
            queued.tracker().dispatchedOne(taken);
        }
    }

    /**
     * The logger an event of this name goes through, and whether its {@code callAppenders} reaches a started
     * appender: one of its own or, while additivity holds, one of an ancestor's.
     */
    record Route(Logger logger, boolean reachesStartedAppender) {
    }

    /** The {@link #nearestLogger} of {@code name}, with whether a started appender gets its events. */
    Route route(String name) {
        Logger nearest = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        boolean reaches = hasStartedAppender(nearest);
        int from = 0;
        while (true) {
            int cut = separator(name, from);
            Logger logger = context.exists(cut < 0 ? name : name.substring(0, cut));
            if (logger == null) {
                return new Route(nearest, reaches);
            }
            nearest = logger;
            reaches = (reaches && logger.isAdditive()) || hasStartedAppender(logger);
            if (cut < 0) {
                return new Route(nearest, reaches);
            }
            from = cut + 1;
        }
    }

    private static boolean hasStartedAppender(Logger logger) {
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next().isStarted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The logger named {@code name} if it exists, else its nearest existing ancestor (the root at worst). Walks down
     * from the root and stops at the first missing level: Logback creates every ancestor of a logger with it, so
     * nothing below a missing one exists. The work is bounded by the depth of the context's own loggers, whatever
     * the name a client sends.
     */
    Logger nearestLogger(String name) {
        return route(name).logger();
    }

    /** The index of the next {@code .} or {@code $} (Logback's name separators) from {@code from}, or -1. */
    private static int separator(String name, int from) {
        for (int i = from; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '$') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Lets the dispatcher hand over what is queued until {@code deadlineNanos}, then gives up the rest.
     *
     * @return the events given up, counted as {@code frames.dropped{reason=shutdown}}
     */
    long drain(long deadlineNanos) {
        queue.close();
        join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000L));
        List<QueuedEvent> left = queue.abandon();
        metrics.dropped(ReceiverServer.SHUTDOWN, left.size());
        if (thread.isAlive()) {
            thread.interrupt();
            join(500);
            if (thread.isAlive()) {
                status.warn("dispatcher-stuck", () -> "receiver: the dispatcher thread is still inside an appender"
                        + " after the stop timeout; it is left to finish on its own");
            }
        }
        return left.size();
    }

    private void join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
