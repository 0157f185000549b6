package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/** Counts the events it gets and keeps the last one; allocates nothing. */
public class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    volatile long count;
    volatile ILoggingEvent last;

    @Override
    protected void append(ILoggingEvent event) {
        count++;
        last = event;
    }
}
