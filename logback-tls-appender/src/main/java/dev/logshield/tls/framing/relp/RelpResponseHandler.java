package dev.logshield.tls.framing.relp;

import java.io.IOException;

/**
 * Receives what a {@link RelpResponseParser} reads from the server, in stream order. An exception thrown here ends
 * the feed (and the parser): the session is over.
 */
public interface RelpResponseHandler {

    /** An {@code rsp} answering the command with {@code response.txnr()}. */
    void onResponse(RelpResponse response) throws IOException;

    /** The hint {@code 0 serverclose 0}: the server is closing the session; unacknowledged events must be resent. */
    void onServerClose() throws IOException;

    /** Any other hint (txnr 0); hints may be ignored, which is what this default does. */
    default void onHint(RelpFrame hint) throws IOException {
    }
}
