package dev.logshield.tls.receiver;

import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.metrics.EventCounter;

/**
 * One received event on its way from a connection thread to the dispatcher.
 *
 * @param event   the Logback event, with the client's identity in its MDC
 * @param bytes   the size of the frame it came from, plus twice the characters intake neutralisation added to it,
 *                counted against the queue's byte budget
 * @param counted the {@code events{client}} counter to increment once it is dispatched
 * @param tracker told when it has been handed to the appenders (RELP acknowledges then), or {@code null}
 */
record QueuedEvent(LoggingEvent event, int bytes, EventCounter counted, DispatchTracker tracker) {
}
