package dev.logshield.tls.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The logback.xml names of the framings parse case-insensitively (with {@code _} for {@code -} too), print back
 * as they are written in XML, give their framer, and anything else is refused with the list of accepted names.
 */
class FramingIsParsedFromXmlNamesTest {

    @Test
    void xmlNamesParse() {
        assertThat(Framing.parse("octet-counting")).isEqualTo(Framing.OCTET_COUNTING);
        assertThat(Framing.parse(" Octet_Counting ")).isEqualTo(Framing.OCTET_COUNTING);
        assertThat(Framing.parse("NEWLINE")).isEqualTo(Framing.NEWLINE);
        assertThat(Framing.parse("relp")).isEqualTo(Framing.RELP);
        assertThat(Framing.OCTET_COUNTING).hasToString("octet-counting");
    }

    @Test
    void framingsGiveTheirFramer() {
        assertThat(Framing.OCTET_COUNTING.framer()).isInstanceOf(OctetCountingFramer.class);
        assertThat(Framing.NEWLINE.framer()).isInstanceOf(NewlineFramer.class);
        assertThatThrownBy(Framing.RELP::framer).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("RelpCommandEncoder");
    }

    @Test
    void unknownNamesAreRefusedWithTheAlternatives() {
        assertThatThrownBy(() -> Framing.parse("octet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'octet'").hasMessageContaining("octet-counting").hasMessageContaining("newline")
                .hasMessageContaining("relp");
        assertThatThrownBy(() -> Framing.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
