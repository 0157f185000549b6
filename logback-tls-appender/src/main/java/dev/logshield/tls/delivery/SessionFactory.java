package dev.logshield.tls.delivery;

import java.io.IOException;

/** Starts the protocol (octet counting, newline, RELP) on a freshly opened transport. */
@FunctionalInterface
public interface SessionFactory {

    Session open(Transport transport) throws IOException;

    /**
     * Whether an encoded event can be sent at all: RELP caps a message's length (a longer one would make the
     * collector drop the session, and the event would be re-sent forever). Events refused here are dropped and
     * counted when they are appended.
     */
    default boolean carries(byte[] event) {
        return true;
    }
}
