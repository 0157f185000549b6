package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of both framings: one trailing LF or CR LF an encoder adds is dropped (only one), an
 * empty message writes nothing, octet counting counts bytes (not characters) and keeps interior line breaks,
 * newline framing escapes them; a too-small buffer is refused before anything is put.
 */
class FramersStripOneTrailingNewlineTest {

    private final Framer octets = new OctetCountingFramer();
    private final Framer lines = new NewlineFramer();

    @Test
    void octetCountingWritesLengthSpaceMessage() {
        assertThat(text(octets, "abc")).isEqualTo("3 abc");
        assertThat(text(octets, "abc\n")).isEqualTo("3 abc");
        assertThat(text(octets, "abc\r\n")).isEqualTo("3 abc");
        assertThat(text(octets, "abc\n\n")).isEqualTo("4 abc\n");
        assertThat(text(octets, "abc\r")).isEqualTo("4 abc\r");
        assertThat(text(octets, "line1\n\tat x\n")).isEqualTo("11 line1\n\tat x");
        assertThat(text(octets, "€")).isEqualTo("3 €");
        assertThat(text(octets, "x".repeat(1234))).isEqualTo("1234 " + "x".repeat(1234));
        assertThat(text(octets, "")).isEmpty();
        assertThat(text(octets, "\n")).isEmpty();
        assertThat(text(octets, "\r\n")).isEmpty();
    }

    @Test
    void newlineFramingEndsWithOneLineFeedAndEscapesTheRest() {
        assertThat(text(lines, "{\"a\":1}")).isEqualTo("{\"a\":1}\n");
        assertThat(text(lines, "{\"a\":1}\n")).isEqualTo("{\"a\":1}\n");
        assertThat(text(lines, "{\"a\":1}\r\n")).isEqualTo("{\"a\":1}\n");
        assertThat(text(lines, "a\nb\r\nc\n")).isEqualTo("a\\nb\\r\\nc\n");
        assertThat(text(lines, "a\n\n")).isEqualTo("a\\n\n");
        assertThat(text(lines, "\n\nx")).isEqualTo("\\n\\nx\n");
        assertThat(text(lines, "日本\n")).isEqualTo("日本\n");
        assertThat(text(lines, "")).isEmpty();
        assertThat(text(lines, "\r\n")).isEmpty();
    }

    @Test
    void framingASliceIgnoresTheBytesAroundIt() throws Exception {
        byte[] padded = "XXhello\nYY".getBytes(UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        octets.frame(padded, 2, 6, out);
        lines.frame(padded, 2, 6, out);
        assertThat(out.toString(UTF_8)).isEqualTo("5 hellohello\n");
    }

    @Test
    void aTooSmallBufferIsRefusedWhole() {
        byte[] body = "a\nb".getBytes(UTF_8);
        for (Framer framer : new Framer[] {octets, lines}) {
            ByteBuffer small = ByteBuffer.allocate(framer.framedLength(body, 0, body.length) - 1);
            assertThatThrownBy(() -> framer.frame(body, 0, body.length, small))
                    .isInstanceOf(BufferOverflowException.class);
            assertThat(small.position()).isZero();
        }
    }

    @Test
    void aSliceOutsideTheArrayIsRefused() {
        byte[] body = new byte[4];
        assertThatThrownBy(() -> octets.framedLength(body, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lines.frame(body, -1, 2, new ByteArrayOutputStream()))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String text(Framer framer, String body) {
        return new String(framer.frame(body.getBytes(UTF_8)), UTF_8);
    }
}
