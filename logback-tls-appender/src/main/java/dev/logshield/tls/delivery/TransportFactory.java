package dev.logshield.tls.delivery;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Opens a verified connection to one address of a destination: TCP connect, TLS handshake (certificates, host
 * name, pins), and the post-handshake check that the peer did not reject the client certificate.
 */
@FunctionalInterface
public interface TransportFactory {

    /**
     * @throws PeerRejectedException when the handshake or the post-handshake check shows the peer refused us
     * @throws IOException           when the address cannot be reached
     */
    Transport open(Destination destination, InetAddress address) throws IOException;

    /**
     * Called from another thread when the sender must stop now: closes the connections being opened (a connect or a
     * handshake the peer never answers) and makes later {@link #open} calls fail. Does nothing by default.
     */
    default void abort() {
    }
}
