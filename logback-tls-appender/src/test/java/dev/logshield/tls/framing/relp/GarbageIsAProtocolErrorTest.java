package dev.logshield.tls.framing.relp;

import static dev.logshield.tls.framing.relp.RelpWireSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever is not RELP from a server is a {@link RelpProtocolException} that says what was wrong and where: an
 * HTTP or TLS answer, a frame not starting with its TXNR, over-long numbers and commands, missing separators and
 * trailers, a DATALEN that does not match the data, an {@code rsp} without a three-digit status or on txnr 0, and a
 * command sent by the server; frames read before the garbage are handed over, and the failed parser takes no more
 * input.
 */
class GarbageIsAProtocolErrorTest {

    static Stream<Arguments> garbage() {
        return Stream.of(
                arguments("HTTP/1.1 400 Bad Request\r\n", "unexpected 'H' (0x48) in a frame must start with its TXNR"),
                arguments("\u0016\u0003\u0003", "unexpected 0x16 in a frame must start with its TXNR"),
                arguments(" 1 rsp 6 200 OK\n", "at byte 0 of the server's stream: unexpected ' '"),
                arguments("1234567890 rsp 0\n", "at byte 9 of the server's stream: TXNR has more than 9 digits"),
                arguments("1  rsp 0\n", "unexpected ' ' (0x20) in COMMAND"),
                arguments("1 r$p 0\n", "unexpected '$' (0x24) in COMMAND"),
                arguments("1 " + "r".repeat(33) + " 0\n", "a command is at most 32 letters"),
                arguments("1 rsp\n", "unexpected 0x0A in COMMAND"),
                arguments("1 rsp x\n", "unexpected 'x' (0x78) in DATALEN"),
                arguments("1 rsp 0 \n", "unexpected ' ' (0x20) in DATALEN"),
                arguments("1 rsp 6\n", "unexpected 0x0A in DATALEN"),
                arguments("1 rsp 6 200 OK!\n", "unexpected '!' (0x21) in the LF trailer after 6 bytes of data"),
                arguments("1 rsp 3 2x0\n", "does not start with a three-digit status and a space: '2x0'"),
                arguments("1 rsp 6 200XOK\n", "does not start with a three-digit status and a space"),
                arguments("0 rsp 6 200 OK\n", "an rsp must carry the txnr of the command it answers, not 0"),
                arguments("1 syslog 2 hi\n", "a RELP server sends only rsp frames and hints on txnr 0, not 'syslog' on txnr 1"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsRefused(String wire, String expected) {
        byte[] b = bytes(wire);
        assertThatThrownBy(() -> new RelpResponseParser().feed(b, 0, b.length, new Recorded()))
                .isInstanceOf(RelpProtocolException.class)
                .hasMessageStartingWith("RELP protocol error at byte ")
                .hasMessageContaining(expected);
    }

    @Test
    void framesBeforeTheGarbageAreHandedOverAndTheParserThenRefusesInput() throws IOException {
        RelpResponseParser parser = new RelpResponseParser();
        Recorded recorded = new Recorded();
        byte[] b = bytes("2 rsp 6 200 OK\n3 rsp 6 200 OK\nGET /");
        assertThatThrownBy(() -> parser.feed(b, 0, b.length, recorded))
                .isInstanceOf(RelpProtocolException.class).hasMessageContaining("at byte 30 ");
        assertThat(recorded.events).containsExactly("rsp 2 200 OK", "rsp 3 200 OK");
        byte[] more = bytes("4 rsp 6 200 OK\n");
        assertThatThrownBy(() -> parser.feed(more, 0, more.length, recorded)).isInstanceOf(IllegalStateException.class);
        assertThat(recorded.events).hasSize(2);
    }

    @Test
    void aHandlerExceptionAlsoEndsTheSession() {
        RelpResponseParser parser = new RelpResponseParser();
        byte[] b = bytes("2 rsp 6 200 OK\n");
        RelpResponseHandler failing = new RelpResponseHandler() {
            @Override
            public void onResponse(RelpResponse response) throws IOException {
                throw new RelpProtocolException("unexpected txnr");
            }

            @Override
            public void onServerClose() {
            }
        };
        assertThatThrownBy(() -> parser.feed(b, 0, b.length, failing)).hasMessage("unexpected txnr");
        assertThatThrownBy(() -> parser.feed(b, 0, b.length, new Recorded())).isInstanceOf(IllegalStateException.class);
    }
}
