package dev.logshield.tls.delivery;

import java.io.IOException;

/** Starts the protocol (octet counting, newline, RELP) on a freshly opened transport. */
@FunctionalInterface
public interface SessionFactory {

    Session open(Transport transport) throws IOException;
}
