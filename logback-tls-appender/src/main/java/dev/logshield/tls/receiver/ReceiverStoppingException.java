package dev.logshield.tls.receiver;

import java.io.InterruptedIOException;

/** The receiver is stopping: the connection ends, and what it was about to queue is counted as dropped. */
final class ReceiverStoppingException extends InterruptedIOException {

    private static final long serialVersionUID = 1L;

    ReceiverStoppingException() {
        super("the receiver is stopping");
    }
}
