package dev.logshield.tls;

import dev.logshield.tls.delivery.Session;
import dev.logshield.tls.delivery.SessionFactory;
import dev.logshield.tls.delivery.StreamSession;
import dev.logshield.tls.delivery.Transport;
import dev.logshield.tls.framing.Framer;
import dev.logshield.tls.framing.Framing;
import dev.logshield.tls.framing.relp.RelpCommandEncoder;
import java.io.IOException;

/** The session factory for a {@code <framing>} value. */
final class Sessions {

    private Sessions() {
    }

    static SessionFactory forFraming(String framing, int relpWindow, String appender) {
        Framing parsed = Framing.parse(framing);
        String thread = "logshield-mtls-reader-" + appender;
        if (parsed == Framing.RELP) {
            RelpCommandEncoder limits = new RelpCommandEncoder();
            return new SessionFactory() {
                @Override
                public Session open(Transport transport) throws IOException {
                    return RelpSessionFactory.open(transport, relpWindow, thread);
                }

                @Override
                public boolean carries(byte[] event) {
                    return limits.fits(event, 0, event.length);
                }
            };
        }
        Framer framer = parsed.framer();
        return transport -> new StreamSession(transport, (body, out) -> framer.frame(body, 0, body.length, out), thread);
    }
}
