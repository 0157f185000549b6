package dev.logshield.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.time.Instant;

/**
 * Builds the event every encoder benchmark encodes, from one template, with a real {@link LoggerContext}.
 *
 * <p>Every operation of every encoder scenario, baseline included, encodes a <em>new</em> event: its message is
 * formatted (a new {@code String}) inside the operation on both sides. Reusing one event would be unfair the
 * other way: Logback caches the formatted message in the event, and LogShield's shared engine remembers, per
 * thread, the last message instance it redacted, so a reused event would be redacted once and then served
 * from that memo. The cost of building the event is measured on its own ({@code newEventOnly}).
 */
final class EventFactory {

    /** The layout every pattern scenario prints. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private static final String FQCN = Logger.class.getName();
    private static final Instant TIME = Instant.parse("2025-03-14T09:26:53.589Z");
    private static final String THREAD = "http-nio-8080-exec-7";

    private final MessageKind kind;
    private final LoggerContext context;
    private final Logger logger;
    private final String template;
    private final Object[] args;

    EventFactory(MessageKind kind) {
        this.kind = kind;
        this.context = new LoggerContext();
        context.setName("benchmark");
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        this.logger = context.getLogger("com.example.shop.checkout.PaymentService");
        this.template = kind.template();
        this.args = kind.args(); // shared by all events: Logback only reads it (no trailing Throwable)
    }

    /** A new INFO event: fixed time, thread and logger, message not yet formatted. */
    LoggingEvent newEvent() {
        LoggingEvent e = new LoggingEvent(FQCN, logger, Level.INFO, template, null, args);
        e.setInstant(TIME);
        e.setThreadName(THREAD);
        return e;
    }

    /** The message exactly as Logback formats it. */
    String formattedMessage() {
        return newEvent().getFormattedMessage();
    }

    MessageKind kind() {
        return kind;
    }

    LoggerContext context() {
        return context;
    }

    /** Throws when a component reported an error while starting: it might be running half-configured. */
    void requireNoErrors(String component) {
        SetupChecks.requireNoErrors(component, context);
    }

    void stop() {
        context.stop();
    }
}
