package dev.logshield.redact.filter;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import dev.logshield.redact.testing.XmlConfiguredContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Logback context configured from {@code src/test/resources/logback/<name>.xml}, as an application's
 * logback.xml would be, whose root logger writes to a {@link ListAppender} named {@code LIST}.
 */
final class RateLimitHarness implements AutoCloseable {

    static final String SUMMARY_LOGGER = "dev.logshield.ratelimit";

    final LoggerContext context = new LoggerContext();

    private RateLimitHarness() {
    }

    static RateLimitHarness configure(String name) {
        RateLimitHarness h = new RateLimitHarness();
        XmlConfiguredContext.configure(h.context, name, Map.of());
        return h;
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The configured rate limiter, running on the real clocks and checking quiet keys every second. */
    RateLimitTurboFilter rateLimiter() {
        List<RateLimitTurboFilter> found = rateLimiters();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one RateLimitTurboFilter, found " + found.size());
        }
        return found.get(0);
    }

    /** The configured rate limiter on {@code clock}, with quiet keys summarised only when the test says so. */
    RateLimitTurboFilter rateLimiter(FakeClock clock) {
        RateLimitTurboFilter filter = rateLimiter();
        filter.stopQuietCheck();
        filter.nanoClock = clock;
        filter.wallClock = clock::wallMillis;
        return filter;
    }

    List<RateLimitTurboFilter> rateLimiters() {
        List<RateLimitTurboFilter> found = new ArrayList<>();
        for (TurboFilter f : context.getTurboFilterList()) {
            if (f instanceof RateLimitTurboFilter r) {
                found.add(r);
            }
        }
        return found;
    }

    /** Everything the root logger appended so far, in order. */
    List<ILoggingEvent> events() {
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> list = (ListAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("LIST");
        // AppenderBase appends under the appender's lock: take it to see events appended by other threads
        synchronized (list) {
            return new ArrayList<>(list.list);
        }
    }

    /** Formatted messages appended by logger {@code name}. */
    List<String> messages(String name) {
        return events().stream().filter(e -> e.getLoggerName().equals(name)).map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
    }

    /** Flood summaries appended so far. */
    List<ILoggingEvent> summaries() {
        return events().stream().filter(e -> e.getLoggerName().equals(SUMMARY_LOGGER)).collect(Collectors.toList());
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
