package dev.logshield.tls.receiver.frames;

import java.io.IOException;

/**
 * The stream can no longer be cut into frames (a length prefix that is not a number, a RELP frame that breaks
 * the protocol): the receiver counts the reason and closes the connection, as any byte after it could be read as
 * the start of a forged frame.
 */
public final class FramingLostException extends IOException {

    private static final long serialVersionUID = 1L;

    private final DropReason reason;

    /** {@code detail} says what was wrong and where (byte offset in the connection). */
    public FramingLostException(DropReason reason, String detail) {
        super(reason.tag() + ": " + detail);
        this.reason = reason;
    }

    /** Why framing was lost. */
    public DropReason reason() {
        return reason;
    }
}
