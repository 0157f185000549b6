package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * META's entries (tag, 16-bit length, UTF-8 value) read back as written, long values included; tags this reader
 * does not know are skipped (a newer writer's fields), and an entry cut short or longer than the frame is refused.
 */
class SegmentMetadataRoundTripsTest {

    @Test
    void everyFieldReadsBackAsWritten() throws Exception {
        Map<SegmentMetadata.Field, String> values = new EnumMap<>(SegmentMetadata.Field.class);
        for (SegmentMetadata.Field field : SegmentMetadata.Field.values()) {
            values.put(field, field.name().toLowerCase(java.util.Locale.ROOT) + " ü");
        }
        values.put(SegmentMetadata.Field.FILE, "/var/log/" + "x".repeat(300) + ".lse");

        SegmentMetadata read = SegmentMetadata.decode(new SegmentMetadata(values).encode());

        assertThat(read.values()).isEqualTo(values);
        assertThat(read.get(SegmentMetadata.Field.FILE)).hasSize(9 + 300 + 4);
        assertThat(read.get(SegmentMetadata.Field.HOSTNAME)).isEqualTo("hostname ü");
    }

    @Test
    void anUnknownTagIsSkippedAndAnEmptyValueKept() throws Exception {
        byte[] bytes = {(byte) 0xEE, 0, 2, 'h', 'i', 2, 0, 3, 'a', 'p', 'p', 1, 0, 0};

        SegmentMetadata read = SegmentMetadata.decode(bytes);

        assertThat(read.values()).containsOnly(Map.entry(SegmentMetadata.Field.HOSTNAME, ""),
                Map.entry(SegmentMetadata.Field.APPLICATION, "app"));
    }

    @Test
    void anEntryCutShortOrLongerThanTheFrameIsRefused() {
        assertThatThrownBy(() -> SegmentMetadata.decode(new byte[] {1, 0}))
                .isInstanceOf(FormatException.class).hasMessage("metadata entry cut short");
        assertThatThrownBy(() -> SegmentMetadata.decode(new byte[] {1, 0, 3, 'a', 'b'}))
                .isInstanceOf(FormatException.class).hasMessage("metadata entry longer than the frame");
    }
}
