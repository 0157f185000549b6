package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.crypto.keys.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forward secrecy inside a segment: after the record key ratchets from epoch e to e+1 (K_{e+1} =
 * HKDF-Expand(K_e, "lse/v1 ratchet", 32)), the cipher holds only K_{e+1}, and that key opens none of the records
 * sealed in epochs up to e, while a reader starting from the segment's data key still opens them all.
 */
class RatchetedRecordKeyCannotOpenEarlierEpochsTest {

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void afterEachRatchetTheCurrentKeyOpensNoRecordOfAnEarlierEpoch(CipherSuite suite) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] dataKey = new byte[32];
        byte[] segmentId = new byte[16];
        random.nextBytes(dataKey);
        random.nextBytes(segmentId);
        SegmentCore core = new SegmentCore(LseFormat.VERSION, suite, 0, segmentId, 0, 0, new byte[16], new byte[32], 3, 0, 0, 0, new byte[8]);
        RecordCipher writer = RecordCipher.forSegment(core, dataKey);
        List<byte[]> bodies = new ArrayList<>();

        for (int epoch = 0; epoch < 4; epoch++) {
            for (int i = 0; i < 3; i++) {
                bodies.add(seal(writer, bodies.size(), "epoch " + epoch + " record " + i));
            }
            byte[] before = writer.currentKeyForTest();
            writer.ratchet();

            assertThat(writer.epoch()).isEqualTo(epoch + 1);
            assertThat(writer.currentKeyForTest())
                    .isEqualTo(Hkdf.expand(before, "lse/v1 ratchet".getBytes(StandardCharsets.US_ASCII), 32))
                    .isNotEqualTo(before);
            for (int seq = 0; seq < bodies.size(); seq++) {
                byte[] body = bodies.get(seq);
                int s = seq;
                assertThatThrownBy(() -> writer.open(s, FrameType.DATA, body, 0, body.length))
                        .as("record %d with the key of epoch %d", seq, epoch + 1)
                        .isInstanceOf(AEADBadTagException.class);
            }
        }

        RecordCipher reader = RecordCipher.forSegment(core, dataKey);
        for (int seq = 0; seq < bodies.size(); seq++) {
            if (seq > 0 && seq % 3 == 0) {
                reader.ratchet();
            }
            byte[] body = bodies.get(seq);
            assertThat(new String(reader.open(seq, FrameType.DATA, body, 0, body.length), StandardCharsets.UTF_8))
                    .isEqualTo("epoch " + seq / 3 + " record " + seq % 3);
        }
    }

    private static byte[] seal(RecordCipher cipher, long seq, String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[plain.length + LseFormat.TAG_LENGTH];
        cipher.seal(seq, FrameType.DATA, plain, plain.length, body, 0);
        return body;
    }
}
