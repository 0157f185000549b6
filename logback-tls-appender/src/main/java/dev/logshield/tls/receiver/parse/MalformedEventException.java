package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.receiver.frames.DropReason;

/**
 * A frame that arrived whole but cannot become an event (invalid UTF-8, unparsable syslog, invalid JSON): the
 * receiver drops it, counts the reason, and keeps reading the connection.
 */
public final class MalformedEventException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DropReason reason;

    /** {@code detail} says what was wrong, without echoing more than a short, sanitised excerpt of the payload. */
    public MalformedEventException(DropReason reason, String detail) {
        super(reason.tag() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** Why the frame was dropped. */
    public DropReason reason() {
        return reason;
    }
}
