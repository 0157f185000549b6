package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.filter.Filter;
import java.util.List;

/** A badly written third-party appender: throws from {@code doAppend}, which Logback's base classes never do. */
public class ExplodingAppender extends ContextAwareBase implements Appender<ILoggingEvent> {

    private String name;
    private boolean started;

    @Override
    public void doAppend(ILoggingEvent event) {
        throw new IllegalStateException("exploding appender");
    }

    @Override public String getName() { return name; }
    @Override public void setName(String name) { this.name = name; }
    @Override public void start() { started = true; }
    @Override public void stop() { started = false; }
    @Override public boolean isStarted() { return started; }
    @Override public void addFilter(Filter<ILoggingEvent> newFilter) { }
    @Override public void clearAllFilters() { }
    @Override public List<Filter<ILoggingEvent>> getCopyOfAttachedFiltersList() { return List.of(); }
    @Override public FilterReply getFilterChainDecision(ILoggingEvent event) { return FilterReply.NEUTRAL; }
}
