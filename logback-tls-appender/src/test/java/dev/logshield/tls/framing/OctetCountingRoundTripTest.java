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
 * Whatever the bodies hold (line breaks, CR, NUL, multibyte UTF-8, digits and spaces that look like a length),
 * a stream of octet-counted frames gives a plain RFC 5425 reader back exactly the bodies, each without one
 * trailing LF or CR LF, and in order; the stream path, the buffer path and {@code framedLength} agree.
 */
class OctetCountingRoundTripTest {

    private final Framer framer = new OctetCountingFramer();

    @RepeatedTest(50)
    void randomBodiesComeBackExactly(RepetitionInfo repetition) throws IOException {
        Random random = new Random(7_000 + repetition.getCurrentRepetition());
        List<byte[]> expected = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < 200; i++) {
            byte[] body = Deframers.randomBody(random, 40, true);
            int offset = random.nextInt(3);
            byte[] padded = new byte[offset + body.length + 2];
            System.arraycopy(body, 0, padded, offset, body.length);
            Arrays.fill(padded, offset + body.length, padded.length, (byte) '\n');

            int predicted = framer.framedLength(padded, offset, body.length);
            int written = framer.frame(padded, offset, body.length, stream);
            int put = framer.frame(padded, offset, body.length, buffer);
            assertThat(written).isEqualTo(predicted).isEqualTo(put);

            byte[] message = Deframers.withoutTrailingNewline(body);
            if (message.length > 0) {
                expected.add(message);
            } else {
                assertThat(written).as("an empty message frames to nothing").isZero();
            }
        }
        byte[] fromBuffer = Arrays.copyOf(buffer.array(), buffer.position());
        assertThat(fromBuffer).isEqualTo(stream.toByteArray());
        assertThat(Deframers.octetCounted(stream.toByteArray())).containsExactlyElementsOf(expected);
    }
}
