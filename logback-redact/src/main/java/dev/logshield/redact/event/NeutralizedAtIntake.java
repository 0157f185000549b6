package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Implemented by a logging event whose single-line fields were neutralised with
 * {@link dev.logshield.redact.text.LogInjectionEscaper} by the component that built it, before any appender saw
 * it: its logger name, thread name and every MDC key and value, except the MDC entries {@link #isMultiLineMdcKey}
 * names (a stack trace), which, like the message, are kept as sent.
 *
 * <p>LogShield's receiver ({@code dev.logshield.tls.receiver.MtlsReceiver}) builds such events from what clients
 * send. LogShield's text layouts ({@code RedactingPatternLayoutEncoder}, {@code RedactingPatternLayout}) then print
 * these fields as they are, so an escape is never escaped twice ({@code \n}, not {@code \\n}), and still escape the
 * message, the multi-line MDC entries, key-value pairs and exceptions. A field that is not
 * {@linkplain dev.logshield.redact.text.LogInjectionEscaper#isInert inert} despite the mark is escaped anyway:
 * the mark can spare an escape, never let a control character through. The mark is found through any
 * {@link ForwardingLoggingEvent} (a redacted view of the event carries its original's mark).
 *
 * <p>Nothing to configure: the mark is a property of the event's class, so only code, never the data a client
 * sends, can claim it.
 */
public interface NeutralizedAtIntake {

    /**
     * Whether the MDC entry {@code key} (as the event names it, neutralised) holds multi-line text that was kept as
     * sent, so a text layout escapes its value itself.
     */
    boolean isMultiLineMdcKey(String key);

    /** The mark of {@code event} or of the event it forwards to (at any depth), or null when there is none. */
    static NeutralizedAtIntake of(ILoggingEvent event) {
        ILoggingEvent e = event;
        while (true) {
            if (e instanceof NeutralizedAtIntake mark) {
                return mark;
            }
            if (!(e instanceof ForwardingLoggingEvent forwarding)) {
                return null;
            }
            e = forwarding.delegate();
        }
    }
}
