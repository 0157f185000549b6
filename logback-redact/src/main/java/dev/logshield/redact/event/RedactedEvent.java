package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.logshield.redact.engine.Redactor;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * The redacted view of a logging event: its message (template and formatted), placeholder arguments, MDC,
 * key-value pairs, markers and throwable with every secret replaced; everything else (level, logger, thread,
 * time, caller data) is the original event's. Built by {@link EventRedactor} only when something in the event was
 * redacted; an event in which nothing matched is handed on as itself. Immutable; the original is never changed,
 * so appenders outside LogShield's reach still see what the application logged.
 */
public final class RedactedEvent extends ForwardingLoggingEvent {

    private final Redactor redactedBy;
    private final String message;
    private final Object[] arguments;
    private final String formattedMessage;
    private final Map<String, String> mdc;
    private final List<KeyValuePair> keyValuePairs;
    private final List<Marker> markers;
    private final IThrowableProxy throwableProxy;

    RedactedEvent(ILoggingEvent original, Redactor redactedBy, String message, Object[] arguments,
            String formattedMessage, Map<String, String> mdc, List<KeyValuePair> keyValuePairs, List<Marker> markers,
            IThrowableProxy throwableProxy) {
        super(original);
        this.redactedBy = redactedBy;
        this.message = message;
        this.arguments = arguments;
        this.formattedMessage = formattedMessage;
        this.mdc = mdc;
        this.keyValuePairs = keyValuePairs;
        this.markers = markers;
        this.throwableProxy = throwableProxy;
    }

    /**
     * The view of an event whose redaction failed: message, arguments, MDC values, key-value values, markers and
     * throwable are withheld ({@link Redactor#FAILED}); level, logger, thread and time stay, so the failure is
     * visible where the event would have been.
     */
    static RedactedEvent failed(ILoggingEvent original, Redactor redactedBy) {
        Map<String, String> mdc = Collections.emptyMap();
        Map<String, String> originalMdc = safeMdc(original);
        if (originalMdc != null && !originalMdc.isEmpty()) {
            Map<String, String> withheld = new HashMap<>();
            originalMdc.keySet().forEach(k -> withheld.put(k, Redactor.FAILED));
            mdc = Collections.unmodifiableMap(withheld);
        }
        return new RedactedEvent(original, redactedBy, Redactor.FAILED, null, Redactor.FAILED, mdc, null, null, null);
    }

    private static Map<String, String> safeMdc(ILoggingEvent original) {
        try {
            return original.getMDCPropertyMap();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The event as the application logged it. */
    public ILoggingEvent original() {
        return delegate();
    }

    /** The compiled engine that produced this view (a reloaded policy is a different engine). */
    public Redactor redactedBy() {
        return redactedBy;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public Object[] getArgumentArray() {
        return arguments;
    }

    @Override
    public String getFormattedMessage() {
        return formattedMessage;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return mdc;
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return keyValuePairs;
    }

    @Override
    public List<Marker> getMarkerList() {
        return markers;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return throwableProxy;
    }
}
