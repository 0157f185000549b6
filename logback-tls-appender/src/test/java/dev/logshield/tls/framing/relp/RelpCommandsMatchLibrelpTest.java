package dev.logshield.tls.framing.relp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The client's commands are byte for byte what the RELP spec's {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF} and
 * librelp's client write (offers in librelp's order, no data part for DATALEN 0), DATALEN counts bytes, one trailing
 * LF or CR LF of the event is left out, the returned and predicted lengths are the bytes written, and an oversized
 * message, an invalid txnr or invalid software name are refused.
 */
class RelpCommandsMatchLibrelpTest {

    private final RelpCommandEncoder encoder = new RelpCommandEncoder();

    @Test
    void openOffersVersionSoftwareAndSyslog() throws IOException {
        String offers = "relp_version=0\nrelp_software=logshield,0.1\ncommands=syslog";
        assertThat(written(out -> encoder.writeOpen(1, out))).isEqualTo("1 open " + offers.length() + " " + offers + "\n");
        assertThat(encoder.open(1).toBytes()).isEqualTo(("1 open 58 " + offers + "\n").getBytes(UTF_8));
        assertThat(encoder.open(1).command()).isEqualTo("open");
        assertThat(written(out -> new RelpCommandEncoder(64 * 1024, "logshield,0.1,https://example.org/logshield")
                .writeOpen(7, out))).isEqualTo("7 open 88 relp_version=0\n"
                + "relp_software=logshield,0.1,https://example.org/logshield\ncommands=syslog\n");
    }

    @Test
    void syslogCarriesTheMessageBytes() throws IOException {
        assertThat(written(out -> syslog(2, "<14>1 - h a - - - hi", out))).isEqualTo("2 syslog 20 <14>1 - h a - - - hi\n");
        assertThat(written(out -> syslog(3, "line1\nline2\n", out))).isEqualTo("3 syslog 11 line1\nline2\n");
        assertThat(written(out -> syslog(4, "crlf\r\n", out))).isEqualTo("4 syslog 4 crlf\n");
        assertThat(written(out -> syslog(5, "grüße €", out))).isEqualTo("5 syslog 11 grüße €\n");
        assertThat(written(out -> syslog(999_999_999, "", out))).isEqualTo("999999999 syslog 0\n");
        byte[] padded = "XXhelloYY".getBytes(UTF_8);
        assertThat(written(out -> encoder.writeSyslog(6, padded, 2, 5, out))).isEqualTo("6 syslog 5 hello\n");
    }

    @Test
    void closeHasNoData() throws IOException {
        assertThat(written(out -> encoder.writeClose(4, out))).isEqualTo("4 close 0\n");
    }

    @Test
    void lengthsAreTheBytesWritten() throws IOException {
        byte[] message = "<14>1 - h a - - - grüße\n".getBytes(UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int predicted = encoder.syslogFrameLength(123, message, 0, message.length);
        int written = encoder.writeSyslog(123, message, 0, message.length, out);
        assertThat(written).isEqualTo(predicted).isEqualTo(out.size());
        RelpFrame frame = new RelpFrame(9, "syslog", "abc".getBytes(UTF_8));
        assertThat(frame.encodedLength()).isEqualTo(frame.toBytes().length);
        assertThat(new String(frame.toBytes(), UTF_8)).isEqualTo("9 syslog 3 abc\n");
    }

    @Test
    void oversizedMessagesAreRefused() {
        RelpCommandEncoder small = new RelpCommandEncoder(10, RelpCommandEncoder.DEFAULT_SOFTWARE);
        byte[] ten = "0123456789\n".getBytes(UTF_8);
        byte[] eleven = "0123456789A".getBytes(UTF_8);
        assertThat(small.fits(ten, 0, ten.length)).isTrue();
        assertThat(small.fits(eleven, 0, eleven.length)).isFalse();
        assertThatThrownBy(() -> small.writeSyslog(1, eleven, 0, eleven.length, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check fits()");
        assertThat(encoder.maxDataLength()).isEqualTo(128 * 1024);
    }

    @Test
    void invalidArgumentsAreRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> encoder.writeSyslog(0, new byte[1], 0, 1, out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.writeClose(1_000_000_000, out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelpCommandEncoder(100, "log shield")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelpCommandEncoder(100, "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelpFrame(1, "rsp2", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelpFrame(1, "x".repeat(33), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelpFrame(-1, "rsp", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.size()).isZero();
    }

    private void syslog(int txnr, String message, ByteArrayOutputStream out) throws IOException {
        byte[] bytes = message.getBytes(UTF_8);
        encoder.writeSyslog(txnr, bytes, 0, bytes.length, out);
    }

    private interface Write {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static String written(Write write) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write.to(out);
        return out.toString(UTF_8);
    }
}
