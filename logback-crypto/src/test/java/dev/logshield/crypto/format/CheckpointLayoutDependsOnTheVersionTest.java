package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * A version 1 checkpoint body is 88 bytes, a version 2 one 97 (kind byte and frame count added under the tag);
 * each length is checked before anything is read, a version 2 body names a known kind and only a closing
 * checkpoint states a frame count, and a tag made under one version's label never verifies under the other's.
 * Each tag is the specified HMAC (recomputed with BouncyCastle) and verifies only under its own key and fields.
 */
class CheckpointLayoutDependsOnTheVersionTest {

    private static final byte[] KEY = filled(0x11, 32);
    private static final byte[] SEGMENT_ID = filled(0x22, 16);
    private static final byte[] DIGEST = filled(0x33, 32);

    @Test
    void aClosingVersion2CheckpointRoundTripsIn97Bytes() throws Exception {
        Checkpoint closing = new Checkpoint(2, 3, 1_000, 7, true, 9, DIGEST, new byte[32]).tagged(KEY, SEGMENT_ID);

        byte[] body = closing.encode();
        Checkpoint decoded = Checkpoint.decode(2, body);

        assertThat(body).hasSize(97);
        assertThat(body[24]).isEqualTo((byte) 1);
        assertThat(decoded.closing()).isTrue();
        assertThat(decoded.frameCount()).isEqualTo(9);
        assertThat(decoded.verifies(KEY, SEGMENT_ID)).isTrue();
    }

    @Test
    void aVersion1CheckpointKeepsIts88Bytes() throws Exception {
        Checkpoint v1 = new Checkpoint(1, 3, 1_000, 7, false, 0, DIGEST, new byte[32]).tagged(KEY, SEGMENT_ID);

        assertThat(v1.encode()).hasSize(88);
        assertThat(Checkpoint.decode(1, v1.encode()).verifies(KEY, SEGMENT_ID)).isTrue();
    }

    @Test
    void eachVersionRefusesTheOthersLength() {
        assertThatThrownBy(() -> Checkpoint.decode(2, new byte[88])).isInstanceOf(FormatException.class)
                .hasMessageContaining("expected 97");
        assertThatThrownBy(() -> Checkpoint.decode(1, new byte[97])).isInstanceOf(FormatException.class)
                .hasMessageContaining("expected 88");
    }

    @Test
    void anUnknownKindOrARunningCheckpointWithAFrameCountIsMalformed() {
        byte[] unknownKind = new byte[97];
        unknownKind[24] = 2;
        byte[] runningWithCount = new byte[97];
        runningWithCount[32] = 5;

        assertThatThrownBy(() -> Checkpoint.decode(2, unknownKind)).isInstanceOf(FormatException.class)
                .hasMessageContaining("kind 2");
        assertThatThrownBy(() -> Checkpoint.decode(2, runningWithCount)).isInstanceOf(FormatException.class)
                .hasMessageContaining("running checkpoint states a frame count");
    }

    @Test
    void aVersion1TagNeverVerifiesAsAVersion2Checkpoint() {
        Checkpoint v1 = new Checkpoint(1, 3, 1_000, 7, false, 0, DIGEST, new byte[32]).tagged(KEY, SEGMENT_ID);
        Checkpoint replayed = new Checkpoint(2, 3, 1_000, 7, false, 0, DIGEST, v1.tag());

        assertThat(replayed.verifies(KEY, SEGMENT_ID)).isFalse();
        assertThat(Arrays.equals(v1.tag(), replayed.tagged(KEY, SEGMENT_ID).tag())).isFalse();
    }

    @Test
    void eachTagIsTheSpecifiedHmac() {
        Checkpoint v2 = new Checkpoint(2, 7, 1_700_000_123_456L, 99, true, 101, DIGEST, new byte[32])
                .tagged(KEY, SEGMENT_ID);
        Checkpoint v1 = new Checkpoint(1, 7, 1_700_000_123_456L, 99, false, 0, DIGEST, new byte[32])
                .tagged(KEY, SEGMENT_ID);

        assertThat(v2.tag()).isEqualTo(bcHmac(ByteBuffer.allocate(17 + 16 + 33 + 32).put(ascii("lse/v2 checkpoint"))
                .put(SEGMENT_ID).putLong(7).putLong(1_700_000_123_456L).putLong(99).put((byte) 1).putLong(101)
                .put(DIGEST).array()));
        assertThat(v1.tag()).isEqualTo(bcHmac(ByteBuffer.allocate(17 + 16 + 24 + 32).put(ascii("lse/v1 checkpoint"))
                .put(SEGMENT_ID).putLong(7).putLong(1_700_000_123_456L).putLong(99).put(DIGEST).array()));
    }

    @Test
    void aTagVerifiesOnlyUnderItsKeyAndFields() {
        Checkpoint closing = new Checkpoint(2, 3, 200_000, 5, true, 7, DIGEST, new byte[32]).tagged(KEY, SEGMENT_ID);
        byte[] tag = closing.tag();
        byte[] otherKey = filled(0x12, 32);

        assertThat(closing.verifies(KEY, SEGMENT_ID)).isTrue();
        assertThat(closing.verifies(otherKey, SEGMENT_ID)).isFalse();
        assertThat(closing.verifies(KEY, filled(0x23, 16))).isFalse();
        assertThat(new Checkpoint(2, 4, 200_000, 5, true, 7, DIGEST, tag).verifies(KEY, SEGMENT_ID)).isFalse();
        assertThat(new Checkpoint(2, 3, 200_001, 5, true, 7, DIGEST, tag).verifies(KEY, SEGMENT_ID)).isFalse();
        assertThat(new Checkpoint(2, 3, 200_000, 6, true, 7, DIGEST, tag).verifies(KEY, SEGMENT_ID)).isFalse();
        assertThat(new Checkpoint(2, 3, 200_000, 5, true, 8, DIGEST, tag).verifies(KEY, SEGMENT_ID)).isFalse();
        assertThat(new Checkpoint(2, 3, 200_000, 5, false, 0, DIGEST, tag).verifies(KEY, SEGMENT_ID)).isFalse();
        assertThat(new Checkpoint(2, 3, 200_000, 5, true, 7, filled(0x34, 32), tag).verifies(KEY, SEGMENT_ID))
                .isFalse();
    }

    private static byte[] bcHmac(byte[] message) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(KEY));
        hmac.update(message, 0, message.length);
        byte[] out = new byte[32];
        hmac.doFinal(out, 0);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int value, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
