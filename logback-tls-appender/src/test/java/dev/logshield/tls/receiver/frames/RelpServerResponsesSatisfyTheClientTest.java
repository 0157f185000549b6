package dev.logshield.tls.receiver.frames;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.framing.relp.RelpCommandEncoder;
import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.framing.relp.RelpOffers;
import dev.logshield.tls.framing.relp.RelpResponse;
import dev.logshield.tls.framing.relp.RelpResponseHandler;
import dev.logshield.tls.framing.relp.RelpResponseParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's answers are what librelp sends and what our own client ({@link RelpResponseParser} and
 * {@link RelpOffers}, as {@code RelpSession} uses them) accepts: the open answer grants a syslog session, syslog
 * commands get {@code 200 OK}, close gets an rsp without data followed by {@code serverclose}; an open without the
 * syslog command or version 0 is refused with a 500 the client reports.
 */
class RelpServerResponsesSatisfyTheClientTest {

    private final RelpServerResponses server = new RelpServerResponses();

    @Test
    void aWholeSessionIsAcceptedByOurClient() throws IOException {
        RelpFrame open = new RelpCommandEncoder().open(1);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        server.answerOpen(open).writeTo(wire);
        server.ok(2).writeTo(wire);
        server.ok(3).writeTo(wire);
        server.closeAcknowledged(4).writeTo(wire);
        server.serverClose().writeTo(wire);

        assertThat(wire.toString(UTF_8)).isEqualTo("1 rsp 65 200 OK\nrelp_version=0\nrelp_software=logshield,0.1\n"
                + "commands=syslog\n2 rsp 6 200 OK\n3 rsp 6 200 OK\n4 rsp 0\n0 serverclose 0\n");

        Recorder client = new Recorder();
        byte[] bytes = wire.toByteArray();
        for (int i = 0; i < bytes.length; i += 7) { // as the bytes may arrive
            client.parser.feed(bytes, i, Math.min(7, bytes.length - i), client);
        }
        assertThat(client.responses).hasSize(4);
        RelpOffers.requireSyslogSession(client.responses.get(0));
        assertThat(client.responses.get(1).isOk()).isTrue();
        assertThat(client.responses.get(2).txnr()).isEqualTo(3);
        assertThat(client.responses.get(3).hasStatus()).isFalse();
        assertThat(client.serverClosed).isTrue();
    }

    @Test
    void anOpenWithoutTheSyslogCommandOrVersionZeroIsRefused() throws IOException {
        RelpFrame noSyslog = new RelpFrame(1, "open", "relp_version=0\ncommands=foo".getBytes(UTF_8));
        RelpFrame noVersion = new RelpFrame(1, "open", "commands=syslog".getBytes(UTF_8));
        RelpFrame version1 = new RelpFrame(1, "open", "relp_version=1\ncommands=syslog".getBytes(UTF_8));

        assertThat(server.answerOpen(noSyslog).dataAsString()).isEqualTo("500 required command syslog not offered "
                + "by the client");
        assertThat(server.answerOpen(noVersion).dataAsString()).isEqualTo("500 relp_version 0 required, offered: none");
        assertThat(server.answerOpen(version1).dataAsString()).isEqualTo("500 relp_version 0 required, offered: 1");

        Recorder client = new Recorder();
        byte[] refusal = server.answerOpen(noSyslog).toBytes();
        client.parser.feed(refusal, 0, refusal.length, client);
        assertThatThrownBy(() -> RelpOffers.requireSyslogSession(client.responses.get(0)))
                .hasMessageContaining("refused the session: 500 required command syslog not offered by the client");
    }

    @Test
    void errorReasonsCannotStartResponseData() {
        RelpFrame error = server.error(9, "bad\nrelp_version=0\r\n" + "x".repeat(300));
        assertThat(error.dataAsString()).startsWith("500 bad relp_version=0  xxx").doesNotContain("\n")
                .hasSize(4 + 200);
        assertThat(server.error(9, null).dataAsString()).isEqualTo("500 error");
    }

    @Test
    void responsesAnswerACommandsTxnrAndTheSoftwareIsPrintable() {
        assertThatThrownBy(() -> server.ok(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelpServerResponses("log shield")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RelpServerResponses("acme,2.0,https://example.org").openAccepted(5).dataAsString())
                .contains("\nrelp_software=acme,2.0,https://example.org\n");
    }

    private static final class Recorder implements RelpResponseHandler {
        final RelpResponseParser parser = new RelpResponseParser();
        final List<RelpResponse> responses = new ArrayList<>();
        boolean serverClosed;

        @Override
        public void onResponse(RelpResponse response) {
            responses.add(response);
        }

        @Override
        public void onServerClose() {
            serverClosed = true;
        }
    }
}
