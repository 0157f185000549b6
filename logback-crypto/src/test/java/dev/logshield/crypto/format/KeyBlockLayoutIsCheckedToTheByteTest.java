package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.crypto.keys.Stanza;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The key block is a count byte, 1 to 255 stanzas (type, 16-bit length, body) and a 32-byte MAC, nothing more and
 * nothing less: its edges are exact. A stanza body longer than 255 bytes keeps both bytes of its length; the
 * fewest bytes that can be a key block (one empty stanza) are read; a stanza that claims more than is there, a
 * block with bytes left over, or one without stanzas is refused with what is wrong.
 */
class KeyBlockLayoutIsCheckedToTheByteTest {

    private static final byte[] DATA_KEY = new byte[32];

    @Test
    void aStanzaLongerThan255BytesReadsBackWithItsMac() throws Exception {
        SegmentCore core = core();
        byte[] body = new byte[300];
        new SecureRandom().nextBytes(body);
        KeyBlock block = KeyBlock.seal(core, DATA_KEY, List.of(new Stanza(Stanza.AES_KWP, body)));

        KeyBlock read = decodeEncoded(block);

        assertThat(read.stanzas()).containsExactly(new Stanza(Stanza.AES_KWP, body));
        assertThat(read.macMatches(core, DATA_KEY)).isTrue();
    }

    @Test
    void twoHundredFiftyFiveStanzasAreTheMost() throws Exception {
        List<Stanza> stanzas = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            stanzas.add(new Stanza(Stanza.HPKE_X25519, new byte[] {(byte) i}));
        }

        assertThat(decodeEncoded(KeyBlock.seal(core(), DATA_KEY, stanzas)).stanzas()).hasSize(255);
        stanzas.add(new Stanza(Stanza.HPKE_X25519, new byte[1]));
        assertThatThrownBy(() -> KeyBlock.seal(core(), DATA_KEY, stanzas))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a key block holds 1 to 255 stanzas, not 256");
        assertThatThrownBy(() -> KeyBlock.seal(core(), DATA_KEY, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a key block holds 1 to 255 stanzas, not 0");
    }

    @Test
    void theSmallestKeyBlockIsOneEmptyStanzaAndTheMac() throws Exception {
        byte[] block = block(1, new byte[] {1, 0, 0}, new byte[0]);

        assertThat(block).hasSize(1 + 3 + 32);
        assertThat(KeyBlock.decode(block).stanzas()).containsExactly(new Stanza(1, new byte[0]));
    }

    @Test
    void whatIsWrongWithAKeyBlockIsSaid() {
        assertThatThrownBy(() -> KeyBlock.decode(new byte[32])).hasMessage("key block too short (32 bytes)");
        assertThatThrownBy(() -> KeyBlock.decode(new byte[33])).hasMessage("key block has no stanzas");
        assertThatThrownBy(() -> KeyBlock.decode(block(1, new byte[] {1, 0, 10, 1, 2, 3, 4, 5}, new byte[0])))
                .hasMessage("key block stanza 0 is malformed");
        assertThatThrownBy(() -> KeyBlock.decode(block(2, new byte[] {1, 0, 0}, new byte[0])))
                .hasMessage("key block stanza 1 is cut short");
        assertThatThrownBy(() -> KeyBlock.decode(block(1, new byte[] {1, 0, 0}, new byte[] {9, 9, 9})))
                .hasMessage("key block has 3 unexpected bytes");
    }

    /** Count byte, stanza bytes, {@code extra}, then a 32-byte MAC. */
    private static byte[] block(int count, byte[] stanzas, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(count);
        out.writeBytes(stanzas);
        out.writeBytes(extra);
        out.writeBytes(new byte[32]);
        return out.toByteArray();
    }

    /** Decodes what {@link KeyBlock#encode} wrote, after its 4-byte length field. */
    private static KeyBlock decodeEncoded(KeyBlock block) throws Exception {
        byte[] encoded = block.encode();
        return KeyBlock.decode(Arrays.copyOfRange(encoded, 4, encoded.length));
    }

    private static SegmentCore core() {
        return new SegmentCore(LseFormat.VERSION, CipherSuite.AES_256_GCM, 0, new byte[16], 0, 0, new byte[16],
                new byte[32], 0, 0, 0, 0, new byte[8]);
    }
}
