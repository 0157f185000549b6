package dev.logshield.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.time.Instant;
import java.util.Map;

/**
 * Builds the event every encoder benchmark encodes, from one template, with a real {@link LoggerContext}.
 *
 * <p>Every operation of every encoder scenario, baseline included, encodes a <em>new</em> event: its message is
 * formatted (a new {@code String}) inside the operation on both sides. Reusing one event would be unfair the
 * other way: Logback caches the formatted message in the event, and LogShield's shared engine remembers, per
 * thread, the last message instance it redacted and the last event it made a redacted view of, so a reused event
 * would be redacted once and then served from that memo. The cost of building the event is measured on its own
 * ({@code newEventOnly}).
 *
 * <p>By default every event carries an MDC, as events of a traced request do ({@link Mdc#THREE}: a trace id, a span
 * id and a user id, none of them secret): the read-only map Logback's {@link LogbackMDCAdapter} hands every event of
 * a thread whose MDC has not changed since, so all events share one map instance, as in an application. Every
 * scenario, baseline included, pays the same for it in building the event; only the components that read the MDC
 * (redaction, JSON encoders) pay for reading it. {@link Mdc#NONE} builds the events without one, as before the
 * MDC was added.
 */
final class EventFactory {

    /** The layout every pattern scenario prints. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private static final String FQCN = Logger.class.getName();
    private static final Instant TIME = Instant.parse("2025-03-14T09:26:53.589Z");
    private static final String THREAD = "http-nio-8080-exec-7";

    /** What the events' MDC holds: the JMH parameter {@code mdc}. */
    enum Mdc {
        /** No MDC: the event shape of runs before the MDC was added. */
        NONE("none", Map.of()),
        /** A W3C trace id and span id and a user id, as tracing and a login filter put them. */
        THREE("three", Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7",
                "userId", "u-48213"));

        private final String paramName;
        private final Map<String, String> entries;

        Mdc(String paramName, Map<String, String> entries) {
            this.paramName = paramName;
            this.entries = entries;
        }

        /** The MDC named by a JMH parameter value. */
        static Mdc of(String paramName) {
            for (Mdc m : values()) {
                if (m.paramName.equals(paramName)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mdc '" + paramName + "' (none or three)");
        }

        /** What every event's MDC holds. */
        Map<String, String> entries() {
            return entries;
        }
    }

    private final MessageKind kind;
    private final Mdc mdcKind;
    private final LoggerContext context;
    private final Logger logger;
    private final String template;
    private final Object[] args;
    /** The adapter's read-only map of the entries; null for {@link Mdc#NONE} (the event finds the empty MDC itself). */
    private final Map<String, String> mdc;

    /** Events of {@code kind} carrying the default MDC ({@link Mdc#THREE}). */
    EventFactory(MessageKind kind) {
        this(kind, Mdc.THREE);
    }

    EventFactory(MessageKind kind, Mdc mdcKind) {
        this.kind = kind;
        this.mdcKind = mdcKind;
        this.context = new LoggerContext();
        context.setName("benchmark");
        LogbackMDCAdapter adapter = new LogbackMDCAdapter();
        context.setMDCAdapter(adapter);
        context.start();
        this.logger = context.getLogger("com.example.shop.checkout.PaymentService");
        this.template = kind.template();
        this.args = kind.args(); // shared by all events: Logback only reads it (no trailing Throwable)
        this.mdc = mdcKind.entries().isEmpty() ? null : adapterMap(adapter, mdcKind.entries());
    }

    /** The map Logback's adapter gives events of a thread with these entries (then the thread's MDC is cleared). */
    private static Map<String, String> adapterMap(LogbackMDCAdapter adapter, Map<String, String> entries) {
        entries.forEach(adapter::put);
        Map<String, String> map = adapter.getPropertyMap();
        adapter.clear(); // the map stays as it was: the adapter builds a new one after a change
        if (!map.equals(entries)) {
            throw new IllegalStateException("the MDC adapter gave " + map + " for " + entries);
        }
        return map;
    }

    /** A new INFO event: fixed time, thread and logger, this factory's MDC, message not yet formatted. */
    LoggingEvent newEvent() {
        return newEvent(template, args);
    }

    /** A new event like {@link #newEvent()}, logging {@code other}'s message instead: for setup probes. */
    LoggingEvent newEvent(MessageKind other) {
        return newEvent(other.template(), other.args());
    }

    private LoggingEvent newEvent(String template, Object[] args) {
        LoggingEvent e = new LoggingEvent(FQCN, logger, Level.INFO, template, null, args);
        e.setInstant(TIME);
        e.setThreadName(THREAD);
        if (mdc != null) {
            e.setMDCPropertyMap(mdc);
        }
        return e;
    }

    /** The message exactly as Logback formats it. */
    String formattedMessage() {
        return newEvent().getFormattedMessage();
    }

    MessageKind kind() {
        return kind;
    }

    /** What the events' MDC holds. */
    Mdc mdc() {
        return mdcKind;
    }

    LoggerContext context() {
        return context;
    }

    /** Throws when a component reported an error while starting: it might be running half-configured. */
    void requireNoErrors(String component) {
        SetupChecks.requireNoErrors(component, context);
    }

    /** Throws unless {@code event} carries exactly this factory's MDC. */
    void requireMdc(String scenario, ILoggingEvent event) {
        Map<String, String> actual = event.getMDCPropertyMap();
        if (!mdcKind.entries().equals(actual == null ? Map.of() : actual)) {
            throw new IllegalStateException(scenario + ": the event's MDC is " + actual + ", expected " + mdcKind.entries());
        }
    }

    void stop() {
        context.stop();
    }
}
