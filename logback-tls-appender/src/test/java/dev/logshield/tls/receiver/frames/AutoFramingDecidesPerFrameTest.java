package dev.logshield.tls.receiver.frames;

import static dev.logshield.tls.receiver.frames.EndlessStream.ascii;
import static dev.logshield.tls.receiver.frames.OctetCountingFramesAreCutByTheirLengthTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Auto framing, as rsyslog's imtcp: a frame starting with a digit 1-9 is octet-counted, any other is a line, so
 * both kinds work on one connection, even interleaved; a line that starts with a digit is taken for a length and
 * loses the framing.
 */
class AutoFramingDecidesPerFrameTest {

    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void octetCountedFramesAndLinesMix() throws IOException {
        String stream = "<14>1 line one\n11 <14>1 a\nb c{\"message\":\"json\"}\r\n\n7 <14>1 x<14>1 last\n";
        FrameReader reader = new AutoFrameReader(new ChunkedStream(ascii(stream), 5, 4), 100, observer);

        assertThat(readAll(reader)).containsExactly("<14>1 line one", "<14>1 a\nb c", "{\"message\":\"json\"}",
                "<14>1 x", "<14>1 last");
        assertThat(observer.drops()).isEmpty();
    }

    @Test
    void limitsApplyToBothKinds() throws IOException {
        String stream = "11 <14>1 12345<14>1 long line\n3 abc<14>\n";
        FrameReader reader = new AutoFrameReader(new ChunkedStream(ascii(stream), 9, 3), 10, observer);

        assertThat(readAll(reader)).containsExactly("abc", "<14>");
        assertThat(observer.drops()).containsExactly("dropped oversize 11", "dropped oversize 15");
    }

    @Test
    void aLineStartingWithADigitIsReadAsALengthAndLosesTheFraming() throws IOException {
        FrameReader reader = new AutoFrameReader(ChunkedStream.whole(ascii("<14>ok\n2026-11-25 boom\n")), 100,
                observer);
        assertThat(reader.next()).isEqualTo(ascii("<14>ok"));
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(FramingLostException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.BAD_LENGTH);
            assertThat(e.getMessage()).contains("0x2D '-'").contains("byte offset 11");
        });
    }

    @Test
    void truncationIsReportedForEitherKind() throws IOException {
        assertThat(readAll(new AutoFrameReader(ChunkedStream.whole(ascii("<14>cut")), 100, observer))).isEmpty();
        assertThat(readAll(new AutoFrameReader(ChunkedStream.whole(ascii("9 <14>cut")), 100, observer))).isEmpty();
        assertThat(observer.drops()).containsExactly("dropped truncated 7", "dropped truncated 9");
    }
}
