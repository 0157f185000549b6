package dev.logshield.tls.framing.relp;

import java.io.IOException;

/**
 * The peer broke the RELP protocol (garbage, an oversized frame, a response to nothing, a refused session): the
 * session cannot go on, and, like any I/O failure, the connection is to be closed and the unacknowledged events
 * resent on a new one.
 */
public final class RelpProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public RelpProtocolException(String message) {
        super(message);
    }
}
