package dev.logshield.redact.event;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/** Real Logback events and the built-in engine, for tests of the redacted view. */
final class Events {

    static final String CARD = BuiltInRedactor.CARD;
    static final String EMAIL = "jane.doe@example.com";
    static final Redactor BUILT_INS = BuiltInRedactor.REDACTOR;

    private static final Logger LOGGER = context().getLogger("test.events");

    private Events() {
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }

    /** An event as Logback makes it for {@code log.info(template, args)} (a trailing throwable becomes the cause). */
    static LoggingEvent info(String template, Object... args) {
        return new LoggingEvent(Logger.FQCN, LOGGER, Level.INFO, template, null, args);
    }

    static LoggingEvent withThrowable(String message, Throwable t) {
        return new LoggingEvent(Logger.FQCN, LOGGER, Level.ERROR, message, t, null);
    }

    static LoggingEvent withMdc(String message, Map<String, String> mdc) {
        LoggingEvent e = info(message);
        e.setMDCPropertyMap(mdc);
        return e;
    }

    static LoggingEvent withPairs(String message, KeyValuePair... pairs) {
        LoggingEvent e = info(message);
        List<KeyValuePair> list = new ArrayList<>(List.of(pairs));
        e.setKeyValuePairs(list);
        return e;
    }

    static ch.qos.logback.classic.spi.ILoggingEvent view(ch.qos.logback.classic.spi.ILoggingEvent e) {
        return EventRedactor.redact(e, BUILT_INS, failure -> {
            throw new AssertionError("redaction failed", failure);
        });
    }
}
