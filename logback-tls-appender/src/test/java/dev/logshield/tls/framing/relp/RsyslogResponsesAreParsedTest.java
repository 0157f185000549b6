package dev.logshield.tls.framing.relp;

import static dev.logshield.tls.framing.relp.RelpWireSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What rsyslog's imrelp really sends parses into the responses and hints it means: the open answer with its offers,
 * {@code 200 OK} acknowledgements, a {@code 500} refusal with its text, the data-less answer to {@code close}, and
 * the {@code serverclose} hint on txnr 0; other hints reach {@code onHint}.
 */
class RsyslogResponsesAreParsedTest {

    @Test
    void openAnswerCarriesTheServersOffers() throws IOException {
        Recorded recorded = parse(RelpWireSamples.OPEN_OK);
        RelpResponse open = recorded.responses.get(0);
        assertThat(recorded.responses).hasSize(1);
        assertThat(open.txnr()).isEqualTo(1);
        assertThat(open.code()).isEqualTo(200);
        assertThat(open.isOk()).isTrue();
        assertThat(open.message()).isEqualTo("OK");
        assertThat(open.data()).isEqualTo("relp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\n"
                + "commands=syslog");
        assertThat(RelpOffers.parse(open.data())).containsExactly(
                org.assertj.core.api.Assertions.entry("relp_version", List.of("0")),
                org.assertj.core.api.Assertions.entry("relp_software",
                        List.of("librelp", "1.11.0", "http://librelp.adiscon.com")),
                org.assertj.core.api.Assertions.entry("commands", List.of("syslog")));
    }

    @Test
    void acknowledgementsRefusalsCloseAndServerclose() throws IOException {
        assertThat(parse(RelpWireSamples.TWO_SYSLOG_OK).events).containsExactly("rsp 2 200 OK", "rsp 3 200 OK");
        Recorded close = parse(RelpWireSamples.CLOSE);
        assertThat(close.events).containsExactly("rsp 4 (no status)", "serverclose");
        assertThat(close.responses.get(0).hasStatus()).isFalse();
        assertThat(close.responses.get(0).isOk()).isFalse();
        Recorded refused = parse(RelpWireSamples.OPEN_REFUSED);
        assertThat(refused.events).containsExactly("rsp 1 500 required command not supported by client", "serverclose");
        assertThat(refused.responses.get(0).isOk()).isFalse();
        assertThat(refused.responses.get(0).code()).isEqualTo(500);
    }

    @Test
    void otherHintsAreHandedOverAsFrames() throws IOException {
        assertThat(parse("0 abort 4 bye!\n0 serverclose 0\n").events).containsExactly("hint 0 abort 4 bye!", "serverclose");
    }

    @Test
    void anEmptyHumanTextAndLeadingZerosAreAccepted() throws IOException {
        assertThat(parse("0012 rsp 004 200 \n").events).containsExactly("rsp 12 200 ");
    }

    private static Recorded parse(String wire) throws IOException {
        Recorded recorded = new Recorded();
        byte[] b = bytes(wire);
        RelpResponseParser parser = new RelpResponseParser();
        parser.feed(b, 0, b.length, recorded);
        assertThat(parser.hasPartialFrame()).isFalse();
        return recorded;
    }
}
