package dev.logshield.tls.receiver;

import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.redact.event.NeutralizedAtIntake;

/**
 * A Logback event built from what a client sent, its single-line fields already neutralised at intake (see
 * {@code IntakeNeutralizer}); the mark tells LogShield's text layouts not to escape those fields a second time. The
 * MDC entry {@value ReceivedEventFactory#STACK_TRACE}, like the message, is kept as sent. Built and filled by
 * {@link ReceivedEventFactory} on a connection thread, then only read.
 */
final class ReceivedLoggingEvent extends LoggingEvent implements NeutralizedAtIntake {

    private int addedChars;

    @Override
    public boolean isMultiLineMdcKey(String key) {
        return ReceivedEventFactory.STACK_TRACE.equals(key);
    }

    /** How many characters neutralisation added to the fields, so the queue can count what the event holds. */
    int addedChars() {
        return addedChars;
    }

    void addedChars(int addedChars) {
        this.addedChars = addedChars;
    }
}
