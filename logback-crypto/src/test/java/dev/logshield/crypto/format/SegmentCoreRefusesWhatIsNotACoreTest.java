package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A segment core is 128 bytes that start with the LSE signature; every id and digest in it has its exact length,
 * and a reader recognises the signature and the version byte of a newer writer without misreading shorter input.
 * Two cores are equal when their bytes are, and print as version, id, series index and suite.
 */
class SegmentCoreRefusesWhatIsNotACoreTest {

    private static final byte[] ID = random(16);

    @Test
    void everyIdAndDigestMustHaveItsLength() {
        assertThatThrownBy(() -> core(new byte[15], new byte[16], new byte[32], new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("segmentId must be 16 bytes");
        assertThatThrownBy(() -> core(ID, new byte[17], new byte[32], new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("previousSegmentId must be 16 bytes");
        assertThatThrownBy(() -> core(ID, new byte[16], new byte[31], new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("previousDigest must be 32 bytes");
        assertThatThrownBy(() -> core(ID, new byte[16], new byte[32], new byte[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sealChainId must be 8 bytes");
    }

    @Test
    void theSignatureIsRecognisedExactlyAndNeverReadPastTheEnd() {
        byte[] magic = LseFormat.magic();
        byte[] shifted = new byte[magic.length + 2];
        System.arraycopy(magic, 0, shifted, 2, magic.length);
        byte[] damaged = magic.clone();
        damaged[magic.length - 1] ^= 1;
        byte[] cutAtTheEnd = new byte[10];
        System.arraycopy(magic, 0, cutAtTheEnd, 3, magic.length - 1);

        assertThat(SegmentCore.startsWithMagic(magic, 0)).isTrue();
        assertThat(SegmentCore.startsWithMagic(shifted, 2)).isTrue();
        assertThat(SegmentCore.startsWithMagic(shifted, 3)).isFalse();
        assertThat(SegmentCore.startsWithMagic(shifted, 0)).isFalse();
        assertThat(SegmentCore.startsWithMagic(damaged, 0)).isFalse();
        assertThat(SegmentCore.startsWithMagic(cutAtTheEnd, 3)).isFalse();
    }

    @Test
    void aCoreWithAnotherSignatureIsNotDecoded() {
        byte[] bytes = core(ID, new byte[16], new byte[32], new byte[8]).encode();
        bytes[3] = 'X';

        assertThatThrownBy(() -> SegmentCore.decode(bytes)).isInstanceOf(FormatException.class)
                .hasMessage("not an LSE segment (bad signature)");
    }

    @Test
    void onlyASignatureFollowedByAnUnknownVersionIsAnUnsupportedVersion() {
        byte[] newer = Arrays.copyOf(LseFormat.magic(), LseFormat.CORE_LENGTH);
        newer[LseFormat.magic().length] = 9;
        byte[] notLse = newer.clone();
        notLse[0] = 0;

        assertThat(SegmentCore.unsupportedVersionOf(newer)).isEqualTo(9);
        assertThat(SegmentCore.unsupportedVersionOf(LseFormat.magic())).isEqualTo(-1);
        assertThat(SegmentCore.unsupportedVersionOf(notLse)).isEqualTo(-1);
        assertThat(SegmentCore.unsupportedVersionOf(core(ID, new byte[16], new byte[32], new byte[8]).encode()))
                .isEqualTo(-1);
    }

    @Test
    void coresAreEqualWhenTheirBytesAre() throws Exception {
        SegmentCore core = core(ID, new byte[16], new byte[32], new byte[8]);
        SegmentCore same = SegmentCore.decode(core.encode());
        SegmentCore other = core(random(16), random(16), new byte[32], new byte[8]);
        byte[] otherId = ID.clone();
        otherId[0] ^= 1;

        assertThat(same).isEqualTo(core).hasSameHashCodeAs(core);
        assertThat(core).isNotEqualTo(other).isNotEqualTo(core(otherId, new byte[16], new byte[32], new byte[8]))
                .isNotEqualTo("a core");
        assertThat(core.hashCode()).isEqualTo(Arrays.hashCode(ID));
        assertThat(core).hasToString("SegmentCore[v2, " + Hex.of(ID) + ", series 7, ChaCha20-Poly1305]");
    }

    private static SegmentCore core(byte[] id, byte[] previousId, byte[] previousDigest, byte[] chainId) {
        return new SegmentCore(LseFormat.VERSION, CipherSuite.CHACHA20_POLY1305, 0, id, 1_000, 7, previousId,
                previousDigest, 0, 0, 0, 0, chainId);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
