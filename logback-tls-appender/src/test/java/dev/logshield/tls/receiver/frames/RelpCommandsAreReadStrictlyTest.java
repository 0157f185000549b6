package dev.logshield.tls.receiver.frames;

import static dev.logshield.tls.receiver.frames.EndlessStream.ascii;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.framing.relp.RelpCommandEncoder;
import dev.logshield.tls.framing.relp.RelpFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The RELP command reader reads what our own client (and librelp's) sends, split anywhere, and refuses anything
 * else as a protocol error naming the byte and its offset: TXNR 1 to 999 999 999 without leading zeros, COMMAND
 * 1 to 32 letters, DATALEN within the limit (refused from its digits, before any data is read), the LF trailer.
 */
class RelpCommandsAreReadStrictlyTest {

    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void theClientsCommandsComeBackAsSent() throws IOException {
        RelpCommandEncoder client = new RelpCommandEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.writeOpen(1, out);
        byte[] event = "<14>1 2026-11-25T10:11:12.123456Z h a - - - grüße\nsecond line".getBytes(UTF_8);
        client.writeSyslog(2, event, 0, event.length, out);
        client.writeSyslog(999_999_999, new byte[0], 0, 0, out);
        client.writeClose(3, out);
        RelpCommandReader reader = new RelpCommandReader(new ChunkedStream(out.toByteArray(), 3, 5), 1024, observer);

        assertThat(reader.next()).isEqualTo(client.open(1));
        assertThat(reader.next()).isEqualTo(new RelpFrame(2, "syslog", event));
        assertThat(reader.next()).isEqualTo(new RelpFrame(999_999_999, "syslog", new byte[0]));
        assertThat(reader.next()).isEqualTo(new RelpFrame(3, "close", new byte[0]));
        assertThat(reader.next()).isNull();
        assertThat(observer.calls).containsExactly("started", "ended", "started", "ended", "started", "ended",
                "started", "ended");
    }

    @Test
    void protocolErrorsNameTheByteAndItsOffset() {
        assertProtocolError("0 syslog 0\n", "TXNR is 1 to 999999999", "0x30 '0'", "byte offset 0");
        assertProtocolError("01 syslog 0\n", "TXNR is 1 to 999999999", "byte offset 0");
        assertProtocolError("1234567890 syslog 0\n", "TXNR has more than 9 digits", "byte offset 9");
        assertProtocolError(" 1 syslog 0\n", "must start with its TXNR", "0x20", "byte offset 0");
        assertProtocolError("1\tsyslog 0\n", "expected the SP after TXNR", "0x09", "byte offset 1");
        assertProtocolError("1  syslog 0\n", "expected COMMAND", "byte offset 2");
        assertProtocolError("1 sys-log 0\n", "expected a letter or the SP after COMMAND", "0x2D '-'", "byte offset 5");
        assertProtocolError("1 " + "x".repeat(33) + " 0\n", "COMMAND is at most 32 letters", "byte offset 34");
        assertProtocolError("1 syslog x\n", "expected DATALEN", "0x78 'x'", "byte offset 9");
        assertProtocolError("1 syslog 05 hello\n", "DATALEN has a leading zero", "byte offset 10");
        assertProtocolError("1 syslog 0 \n", "expected the LF trailer after a DATALEN of 0", "byte offset 10");
        assertProtocolError("1 syslog 2\nab\n", "expected the SP between DATALEN and DATA", "0x0A", "byte offset 10");
        assertProtocolError("1 syslog 2 abc\n", "expected the LF trailer after 2 bytes of DATA", "0x63 'c'",
                "byte offset 13");
    }

    @Test
    void anOversizeDataLengthIsRefusedFromItsDigitsBeforeAnyDataIsRead() throws IOException {
        byte[] head = ascii("1 syslog 1000");
        // the stream fails the test if the reader asks for anything after the offending digit
        InputStream stream = new InputStream() {
            private int pos;

            @Override
            public int read() {
                throw new AssertionError("single-byte read");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= head.length) {
                    throw new AssertionError("read past the oversize DATALEN");
                }
                b[off] = head[pos++];
                return 1;
            }
        };
        RelpCommandReader reader = new RelpCommandReader(stream, 999, observer);
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(FramingLostException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.RELP_PROTOCOL);
            assertThat(e.getMessage()).contains("DATALEN exceeds the limit of 999 bytes").contains("byte offset 12");
        });
        assertThatThrownBy(reader::next).isInstanceOf(FramingLostException.class);
    }

    @Test
    void dataOfExactlyTheLimitIsAccepted() throws IOException {
        RelpCommandReader reader = new RelpCommandReader(ChunkedStream.whole(ascii("7 syslog 5 hello\n")), 5, null);
        assertThat(reader.next()).isEqualTo(new RelpFrame(7, "syslog", ascii("hello")));
    }

    @Test
    void theEndInsideAFrameIsATruncation() throws IOException {
        for (String cut : new String[] {"1", "1 sys", "1 syslog 5", "1 syslog 5 hel", "1 syslog 5 hello"}) {
            RecordingObserver recording = new RecordingObserver();
            RelpCommandReader reader = new RelpCommandReader(ChunkedStream.whole(ascii(cut)), 100, recording);
            assertThat(reader.next()).as(cut).isNull();
            assertThat(recording.calls).as(cut)
                    .containsExactly("started", "dropped truncated " + cut.length(), "ended");
        }
    }

    private static void assertProtocolError(String stream, String... details) {
        RelpCommandReader reader = new RelpCommandReader(ChunkedStream.whole(ascii(stream)), 100, null);
        assertThatThrownBy(reader::next).as(stream).isInstanceOfSatisfying(FramingLostException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.RELP_PROTOCOL);
            assertThat(e.getMessage()).startsWith("relp-protocol: ").contains(details);
        });
    }
}
