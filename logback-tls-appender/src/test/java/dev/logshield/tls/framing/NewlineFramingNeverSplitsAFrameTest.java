package dev.logshield.tls.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Each non-empty body becomes exactly one line, whatever CR and LF it holds, so a line reader finds as many events
 * as were sent; a body without backslashes comes back exactly (minus one trailing LF or CR LF) once the
 * {@code \n} and {@code \r} escapes are undone; every line holds valid UTF-8 as the body did; the stream path,
 * the buffer path and {@code framedLength} agree.
 */
class NewlineFramingNeverSplitsAFrameTest {

    private final Framer framer = new NewlineFramer();

    @RepeatedTest(50)
    void everyBodyIsOneLineAndComesBack(RepetitionInfo repetition) throws IOException {
        Random random = new Random(9_000 + repetition.getCurrentRepetition());
        List<byte[]> expected = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < 200; i++) {
            byte[] body = Deframers.randomBody(random, 40, false);
            int predicted = framer.framedLength(body, 0, body.length);
            int written = framer.frame(body, stream);
            int put = framer.frame(body, 0, body.length, buffer);
            assertThat(written).isEqualTo(predicted).isEqualTo(put);
            byte[] message = Deframers.withoutTrailingNewline(body);
            if (message.length > 0) {
                expected.add(message);
            } else {
                assertThat(written).isZero();
            }
        }
        assertThat(Arrays.copyOf(buffer.array(), buffer.position())).isEqualTo(stream.toByteArray());
        List<byte[]> lines = Deframers.lines(stream.toByteArray());
        assertThat(lines).hasSameSizeAs(expected);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).doesNotContain((byte) '\r');
            assertThat(Deframers.unescapeLineBreaks(lines.get(i))).isEqualTo(expected.get(i));
        }
    }

    @RepeatedTest(20)
    void bodiesWithBackslashesStillGiveOneLineEach(RepetitionInfo repetition) throws IOException {
        Random random = new Random(11_000 + repetition.getCurrentRepetition());
        int sent = 0;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] body = Deframers.randomBody(random, 40, true);
            if (framer.frame(body, stream) > 0) {
                sent++;
            }
        }
        assertThat(Deframers.lines(stream.toByteArray())).hasSize(sent);
    }
}
