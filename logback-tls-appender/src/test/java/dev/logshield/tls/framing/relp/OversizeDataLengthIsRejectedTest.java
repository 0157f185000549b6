package dev.logshield.tls.framing.relp;

import static dev.logshield.tls.framing.relp.RelpWireSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A DATALEN over the limit (128 KiB by default, librelp's) is refused as soon as its digits exceed it, before any
 * data is awaited or buffered; a DATALEN at the limit is accepted; the limit is configurable; ten-digit lengths are
 * refused whatever the limit.
 */
class OversizeDataLengthIsRejectedTest {

    @Test
    void overTheDefaultLimitIsRefusedAtTheDigits() {
        byte[] b = bytes("1 rsp 131073");
        assertThatThrownBy(() -> new RelpResponseParser().feed(b, 0, b.length, new Recorded()))
                .isInstanceOf(RelpProtocolException.class)
                .hasMessageContaining("DATALEN exceeds the limit of 131072 bytes (digits so far: 131073)");
        byte[] huge = bytes("1 rsp 999999999 ");
        assertThatThrownBy(() -> new RelpResponseParser().feed(huge, 0, huge.length, new Recorded()))
                .isInstanceOf(RelpProtocolException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void atTheLimitIsAccepted() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(bytes("7 rsp 131072 200 "));
        wire.writeBytes(bytes("x".repeat(131072 - 4)));
        wire.writeBytes(bytes("\n"));
        byte[] b = wire.toByteArray();
        Recorded recorded = new Recorded();
        new RelpResponseParser().feed(b, 0, b.length, recorded);
        assertThat(recorded.responses).singleElement().satisfies(r -> {
            assertThat(r.txnr()).isEqualTo(7);
            assertThat(r.message()).hasSize(131068);
        });
    }

    @Test
    void theLimitIsConfigurable() throws IOException {
        RelpResponseParser strict = new RelpResponseParser(6);
        byte[] ok = bytes("2 rsp 6 200 OK\n");
        strict.feed(ok, 0, ok.length, new Recorded());
        byte[] over = bytes("3 rsp 7 200 OK!\n");
        assertThatThrownBy(() -> strict.feed(over, 0, over.length, new Recorded()))
                .hasMessageContaining("DATALEN exceeds the limit of 6 bytes (digits so far: 7)");
        byte[] tenDigits = bytes("1 rsp 0000000000");
        assertThatThrownBy(() -> new RelpResponseParser(RelpFrame.MAX_TXNR).feed(tenDigits, 0, tenDigits.length,
                new Recorded())).hasMessageContaining("DATALEN has more than 9 digits");
        assertThatThrownBy(() -> new RelpResponseParser(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
