package dev.logshield.tls.framing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

/**
 * A real Logback context configured from {@code src/test/resources/logback/<TestClass>.xml}, exactly as an
 * application's logback.xml would be, with {@code ${dir}} set to a test directory when given; plus events with a
 * fixed instant to compare exact output.
 */
final class LogbackXml implements AutoCloseable {

    /** 2026-11-25T10:11:12.123456789Z: the fixed events' instant (nanoseconds, of which RFC 5424 keeps micros). */
    static final Instant INSTANT = Instant.parse("2026-11-25T10:11:12.123456789Z");

    final LoggerContext context;

    private LogbackXml(LoggerContext context) {
        this.context = context;
    }

    static LogbackXml configure(Class<?> test, Map<String, String> properties) {
        return configure(test.getSimpleName(), properties);
    }

    static LogbackXml configure(String name, Map<String, String> properties) {
        return configure(name, name, properties);
    }

    /** The context named {@code contextName}, configured from {@code logback/<name>.xml}. */
    static LogbackXml configure(String name, String contextName, Map<String, String> properties) {
        return new LogbackXml(XmlConfiguredContext.configure(name, contextName, properties));
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The appender called {@code name}, attached to any logger. */
    Appender<ILoggingEvent> appender(String name) {
        for (Logger logger : context.getLoggerList()) {
            Appender<ILoggingEvent> appender = logger.getAppender(name);
            if (appender != null) {
                return appender;
            }
        }
        throw new IllegalArgumentException("no appender " + name);
    }

    CapturingAppender capturing(String name) {
        return (CapturingAppender) appender(name);
    }

    /** The encoder of the named appender (a {@link CapturingAppender} or an {@link OutputStreamAppender}). */
    Rfc5424Encoder encoder(String appender) {
        Appender<ILoggingEvent> a = appender(appender);
        Object encoder = a instanceof CapturingAppender ? ((CapturingAppender) a).getEncoder()
                : ((OutputStreamAppender<ILoggingEvent>) a).getEncoder();
        return (Rfc5424Encoder) encoder;
    }

    /** An event of {@code logger} at {@link #INSTANT} with exactly this MDC and these key-value pairs. */
    LoggingEvent event(String logger, Level level, String message, Throwable thrown, Map<String, String> mdc,
                       KeyValuePair... pairs) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message,
                thrown, null);
        event.setInstant(INSTANT);
        event.setMDCPropertyMap(mdc);
        for (KeyValuePair pair : pairs) {
            event.addKeyValuePair(pair);
        }
        return event;
    }

    /** Status messages at {@code level} ({@code Status.ERROR}, {@code Status.WARN}...). */
    List<String> statusMessages(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " / " + s.getThrowable()))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        context.stop();
    }
}
