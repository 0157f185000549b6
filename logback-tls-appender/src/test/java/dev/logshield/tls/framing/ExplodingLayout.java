package dev.logshield.tls.framing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/** A message layout that fails on every event, for proving the encoder never throws and never leaks the message. */
public class ExplodingLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        throw new IllegalStateException("layout broke on " + event.getFormattedMessage());
    }
}
