package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * What a LogShield sink ({@link RedactingAppender}, {@code MtlsAppender}, {@code EncryptedFileAppender}, the
 * receiver) does to each event before it renders or forwards it: the redacted view from the context's shared
 * engine for the sink's {@code <redaction>} settings, computed once per event however many sinks ask. Built in the
 * sink's {@code start()}:
 * <ul>
 * <li>no {@code <redaction>} element: built-in detectors plus the context's shared policy (property
 * {@code logshield.redaction.policy});</li>
 * <li>{@code <redaction><enabled>false</enabled></redaction>}: events pass unredacted, and a status WARN names
 * the risk;</li>
 * <li>an encoder that redacts by itself ({@link SelfRedactingEncoder}) under a sink without an explicit
 * {@code <redaction>} element gets the original event, so nothing is redacted twice.</li>
 * </ul>
 * <pre>{@code
 * <redaction>
 *   <policy>classpath:redaction-policy.yaml</policy>
 *   <detector>ipv4: partial</detector>
 *   <sensitiveKey>pin, otp</sensitiveKey>
 * </redaction>
 * }</pre>
 */
public final class SinkRedaction {

    private final RedactionEngineHandle engine;

    private SinkRedaction(RedactionEngineHandle engine) {
        this.engine = engine;
    }

    /**
     * The redaction of the sink {@code owner} (named {@code sinkName} in messages): {@code settings} is its
     * {@code <redaction>} element, or null when it has none; {@code encoder} is its encoder, or null.
     */
    public static SinkRedaction start(ContextAwareBase owner, String sinkName, RedactionSettings settings,
            Object encoder) {
        boolean explicit = settings != null;
        RedactionSettings effective = explicit ? settings : new RedactionSettings();
        if (!effective.enabled()) {
            owner.addWarn(sinkName + ": <redaction><enabled>false</enabled></redaction> switches redaction off: "
                    + "messages, arguments, MDC, key-value pairs and exceptions are written as logged, so any "
                    + "password, token, card number or personal data in them reaches this sink in clear");
            return new SinkRedaction(null);
        }
        if (!explicit && encoder instanceof SelfRedactingEncoder) {
            owner.addInfo(sinkName + ": its encoder " + encoder.getClass().getSimpleName()
                    + " redacts every event itself; the sink does not redact again");
            return new SinkRedaction(null);
        }
        effective.defaultPolicyFrom(owner.getContext());
        return new SinkRedaction(effective.engineFor(owner.getContext()));
    }

    /** The event as this sink may write it: its redacted view, or itself when redaction is off. Never throws. */
    public ILoggingEvent apply(ILoggingEvent event) {
        return engine == null ? event : engine.view(event);
    }

    /**
     * For sinks generic in their event type ({@code Appender<E>}): the redacted view of a logging event, any other
     * event (an access event) as it is. Never throws.
     */
    @SuppressWarnings("unchecked")
    public <E> E applyToAny(E event) {
        return event instanceof ILoggingEvent loggingEvent ? (E) apply(loggingEvent) : event;
    }

    /** The engine this sink redacts with, or null when it hands events on as they are. */
    public RedactionEngineHandle engine() {
        return engine;
    }
}
