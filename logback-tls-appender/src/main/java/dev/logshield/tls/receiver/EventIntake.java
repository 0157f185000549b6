package dev.logshield.tls.receiver;

import dev.logshield.metrics.EventCounter;
import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.parse.EventParser;
import dev.logshield.tls.receiver.parse.MalformedEventException;
import dev.logshield.tls.receiver.parse.ParsedEvent;

/**
 * One connection's path from frame payload to queued event: parse, stamp with the client's identity, queue
 * (waiting while the queue is full). A payload that cannot be parsed is dropped and counted, and the connection
 * goes on. Used by the connection's thread only.
 */
final class EventIntake {

    private final EventParser parser;
    private final ReceivedEventFactory factory;
    private final ClientIdentity client;
    private final EventQueue queue;
    private final ReceiverMetrics metrics;
    private final ThrottledStatus status;
    private final EventCounter clientEvents;

    EventIntake(EventParser parser, ReceivedEventFactory factory, ClientIdentity client, EventQueue queue,
            ReceiverMetrics metrics, ThrottledStatus status) {
        this.parser = parser;
        this.factory = factory;
        this.client = client;
        this.queue = queue;
        this.metrics = metrics;
        this.status = status;
        this.clientEvents = metrics.clientEvents(client.displayName());
    }

    /**
     * Parses and queues one frame's payload.
     *
     * @param tracker told when the event has been dispatched, or {@code null}
     * @return true when an event was queued, false when the payload was dropped as malformed
     * @throws ReceiverStoppingException when the receiver stops before the event could be queued (it is counted)
     */
    boolean accept(byte[] payload, DispatchTracker tracker) throws ReceiverStoppingException {
        ParsedEvent parsed;
        try {
            parsed = parser.parse(payload);
        } catch (MalformedEventException e) {
            dropped(e.reason(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // the parsers promise not to throw anything else; if one does, the frame is still only one frame
            dropped(DropReason.UNKNOWN_FORMAT, "parser failure " + e);
            return false;
        }
        ReceivedLoggingEvent event = factory.create(parsed, client);
        // what neutralisation added counts too (UTF-16, the worst case), so the byte budget still bounds the heap
        int bytes = (int) Math.min(Integer.MAX_VALUE, payload.length + 2L * event.addedChars());
        boolean queued;
        try {
            queued = queue.put(new QueuedEvent(event, bytes, clientEvents, tracker), metrics::queueWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (!queued) {
            metrics.dropped(ReceiverServer.SHUTDOWN, 1);
            throw new ReceiverStoppingException();
        }
        return true;
    }

    /** Counts and reports a frame the reader dropped. */
    void dropped(DropReason reason, String detail) {
        metrics.dropped(reason.tag(), 1);
        status.warn("drop-" + reason.tag(), () -> "receiver dropped a frame from " + client.displayName() + " ("
                + client.address() + "): " + detail + "; counted in " + ReceiverMetrics.PREFIX + "frames.dropped{reason="
                + reason.tag() + "}");
    }
}
