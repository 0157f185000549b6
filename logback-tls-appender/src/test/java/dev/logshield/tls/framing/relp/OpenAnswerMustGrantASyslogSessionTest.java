package dev.logshield.tls.framing.relp;

import static dev.logshield.tls.framing.relp.RelpWireSamples.bytes;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The session is usable only when the server answers {@code open} with 200, {@code relp_version=0} and
 * {@code syslog} among its commands (rsyslog's real answer passes); a refusal, a missing or other version, or a
 * missing syslog command is a protocol error saying which.
 */
class OpenAnswerMustGrantASyslogSessionTest {

    @Test
    void rsyslogsAnswerGrantsTheSession() {
        assertThatCode(() -> RelpOffers.requireSyslogSession(open(RelpWireSamples.OPEN_OK))).doesNotThrowAnyException();
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> RelpOffers.requireSyslogSession(open(RelpWireSamples.OPEN_REFUSED)))
                .isInstanceOf(RelpProtocolException.class)
                .hasMessageContaining("refused the session: 500 required command not supported by client");
        assertThatThrownBy(() -> RelpOffers.requireSyslogSession(open(frame("200 OK\ncommands=syslog"))))
                .hasMessageContaining("no single relp_version offer");
        assertThatThrownBy(() -> RelpOffers.requireSyslogSession(open(frame("200 OK\nrelp_version=1\ncommands=syslog"))))
                .hasMessageContaining("answered relp_version=1; this client speaks only version 0");
        assertThatThrownBy(() -> RelpOffers.requireSyslogSession(open(frame("200 OK\nrelp_version=0\ncommands="))))
                .hasMessageContaining("does not grant the syslog command");
        assertThatThrownBy(() -> RelpOffers.requireSyslogSession(open("1 rsp 0\n")))
                .hasMessageContaining("refused the session: no status");
    }

    private static String frame(String data) {
        return "1 rsp " + bytes(data).length + " " + data + "\n";
    }

    private static RelpResponse open(String wire) throws IOException {
        Recorded recorded = new Recorded();
        byte[] b = bytes(wire);
        new RelpResponseParser().feed(b, 0, b.length, recorded);
        return recorded.responses.get(0);
    }
}
