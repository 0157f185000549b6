package dev.logshield.tls.receiver.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** {@code <framing>} names select the readers; anything else is refused with the accepted names. */
class FrameReadersAreChosenByNameTest {

    private final ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);

    @Test
    void eachNameGivesItsReader() {
        assertThat(FrameReaders.names()).containsExactly("auto", "octet-counting", "newline");
        assertThat(FrameReaders.create("auto", in, 10, null)).isInstanceOf(AutoFrameReader.class);
        assertThat(FrameReaders.create(" Octet-Counting ", in, 10, null)).isInstanceOf(OctetCountingFrameReader.class);
        assertThat(FrameReaders.create("NEWLINE", in, 10, null)).isInstanceOf(NewlineFrameReader.class);
    }

    @Test
    void anUnknownNameIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> FrameReaders.create("relp", in, 10, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown framing 'relp'; use one of auto, octet-counting, newline");
        assertThatThrownBy(() -> FrameReaders.create(null, in, 10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, octet-counting, newline");
    }

    @Test
    void theMaximumFrameSizeMustBeOneTo999999999() {
        assertThatThrownBy(() -> FrameReaders.create("auto", in, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 999999999");
        assertThatThrownBy(() -> FrameReaders.create("newline", in, 1_000_000_000, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FrameReaders.create("newline", in, 999_999_999, null)).isNotNull();
    }
}
