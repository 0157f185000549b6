package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The record key the ciphers use: its bytes are a copy of what it was made from, handed out as copies, and once
 * destroyed it says so and hands out nothing. Hex, the form ids and digests take in reports and anchors, reads back
 * in either case.
 */
class ErasableKeyIsGoneOnceDestroyedTest {

    @Test
    void aKeyHandsOutCopiesUntilDestroyed() {
        byte[] bytes = {1, 2, 3, 4};
        ErasableKey key = new ErasableKey(bytes, "AES");
        bytes[0] = 9;

        assertThat(key.getEncoded()).containsExactly(1, 2, 3, 4);
        key.getEncoded()[1] = 9;
        assertThat(key.getEncoded()).containsExactly(1, 2, 3, 4);
        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getFormat()).isEqualTo("RAW");
        assertThat(key.isDestroyed()).isFalse();

        key.destroy();

        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::getEncoded).isInstanceOf(IllegalStateException.class).hasMessage("key destroyed");
    }

    @Test
    void hexReadsBackInEitherCase() {
        byte[] bytes = {0, (byte) 0xab, 0x7f, (byte) 0xff};

        assertThat(Hex.of(bytes)).isEqualTo("00ab7fff");
        assertThat(Hex.parse("00ab7fff")).isEqualTo(bytes);
        assertThat(Hex.parse("00AB7FFF")).isEqualTo(bytes);
    }
}
