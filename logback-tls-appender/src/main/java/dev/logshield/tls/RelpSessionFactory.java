package dev.logshield.tls;

import dev.logshield.tls.delivery.PeerRejectedException;
import dev.logshield.tls.delivery.Transport;
import java.io.IOException;

/** Opens RELP sessions (the {@code open} command and its answer) on fresh transports. */
final class RelpSessionFactory {

    private static final long OPEN_TIMEOUT_MS = 10_000;

    private RelpSessionFactory() {
    }

    static RelpSession open(Transport transport, int window, String threadName) throws IOException {
        RelpSession session = new RelpSession(transport, window, threadName);
        try {
            session.open(OPEN_TIMEOUT_MS);
            return session;
        } catch (PeerRejectedException e) {
            session.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw new PeerRejectedException("relp-open", "RELP session refused by " + transport.description() + ": "
                    + e.getMessage(), e);
        }
    }
}
