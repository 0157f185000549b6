package dev.logshield.tls.framing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/** A message layout that itself logs (to logger {@code nested}) while rendering, as a careless converter might. */
public class LoggingLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        if (!event.getLoggerName().equals("nested")) {
            ((LoggerContext) getContext()).getLogger("nested").info("inner while rendering " + event.getMessage());
        }
        return "outer " + event.getFormattedMessage();
    }
}
