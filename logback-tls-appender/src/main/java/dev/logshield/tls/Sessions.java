package dev.logshield.tls;

import dev.logshield.tls.delivery.SessionFactory;
import dev.logshield.tls.delivery.StreamSession;
import dev.logshield.tls.framing.Framer;
import dev.logshield.tls.framing.Framing;

/** The session factory for a {@code <framing>} value. */
final class Sessions {

    private Sessions() {
    }

    static SessionFactory forFraming(String framing, int relpWindow, String appender) {
        Framing parsed = Framing.parse(framing);
        String thread = "logshield-mtls-reader-" + appender;
        if (parsed == Framing.RELP) {
            return transport -> RelpSessionFactory.open(transport, relpWindow, thread);
        }
        Framer framer = parsed.framer();
        return transport -> new StreamSession(transport, (body, out) -> framer.frame(body, 0, body.length, out), thread);
    }
}
