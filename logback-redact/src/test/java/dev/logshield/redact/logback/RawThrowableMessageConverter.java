package dev.logshield.redact.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * A third-party style converter LogShield knows nothing about: prints the exception message it reads from
 * {@code ThrowableProxy.getThrowable()}, as OpenTelemetry's and Spring Boot's structured code do.
 */
public class RawThrowableMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy tp = event.getThrowableProxy();
        if (tp instanceof ThrowableProxy proxy) {
            Throwable t = proxy.getThrowable();
            return t.getClass().getSimpleName() + ":" + t.getMessage() + "/" + t.getCause();
        }
        return tp == null ? "-" : "not-a-ThrowableProxy";
    }
}
