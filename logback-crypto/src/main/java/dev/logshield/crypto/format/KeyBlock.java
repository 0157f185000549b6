package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.Hkdf;
import dev.logshield.crypto.keys.Stanza;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The key block that follows a segment's core: the data key wrapped once per reader (stanzas), then a MAC
 * over core and stanzas under a key derived from the data key. The MAC commits every reader to the same data
 * key; the key block is outside the record digests, so {@code rewrap} can replace it without touching records.
 */
public final class KeyBlock {

    private final List<Stanza> stanzas;
    private final byte[] mac;

    private KeyBlock(List<Stanza> stanzas, byte[] mac) {
        this.stanzas = List.copyOf(stanzas);
        this.mac = mac.clone();
    }

    /** A key block for {@code stanzas}, MACed under {@code dataKey}. */
    public static KeyBlock seal(SegmentCore core, byte[] dataKey, List<Stanza> stanzas) {
        if (stanzas.isEmpty() || stanzas.size() > 255) {
            throw new IllegalArgumentException("a key block holds 1 to 255 stanzas, not " + stanzas.size());
        }
        return new KeyBlock(stanzas, computeMac(core, dataKey, stanzas));
    }

    public List<Stanza> stanzas() {
        return stanzas;
    }

    /** True when the MAC verifies under {@code dataKey}: the key block is intact and the key is the writer's. */
    public boolean macMatches(SegmentCore core, byte[] dataKey) {
        return MessageDigest.isEqual(mac, computeMac(core, dataKey, stanzas));
    }

    /** Length field, stanza count, stanzas and MAC, as written after the core. */
    public byte[] encode() {
        byte[] body = stanzaBytes(stanzas);
        ByteBuffer out = ByteBuffer.allocate(4 + 1 + body.length + LseFormat.DIGEST_LENGTH);
        out.putInt(1 + body.length + LseFormat.DIGEST_LENGTH);
        out.put((byte) stanzas.size());
        out.put(body);
        out.put(mac);
        return out.array();
    }

    /** Parses the bytes after the 4-byte length field. */
    public static KeyBlock decode(byte[] block) throws FormatException {
        if (block.length < 1 + LseFormat.DIGEST_LENGTH) {
            throw new FormatException("key block too short (" + block.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(block);
        int count = in.get() & 0xFF;
        if (count == 0) {
            throw new FormatException("key block has no stanzas");
        }
        List<Stanza> stanzas = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 3 + LseFormat.DIGEST_LENGTH) {
                throw new FormatException("key block stanza " + i + " is cut short");
            }
            int type = in.get() & 0xFF;
            int length = in.getShort() & 0xFFFF;
            if (type == 0 || in.remaining() < length + LseFormat.DIGEST_LENGTH) {
                throw new FormatException("key block stanza " + i + " is malformed");
            }
            byte[] body = new byte[length];
            in.get(body);
            stanzas.add(new Stanza(type, body));
        }
        if (in.remaining() != LseFormat.DIGEST_LENGTH) {
            throw new FormatException("key block has " + (in.remaining() - LseFormat.DIGEST_LENGTH)
                    + " unexpected bytes");
        }
        byte[] mac = new byte[LseFormat.DIGEST_LENGTH];
        in.get(mac);
        return new KeyBlock(stanzas, mac);
    }

    private static byte[] computeMac(SegmentCore core, byte[] dataKey, List<Stanza> stanzas) {
        byte[] key = Hkdf.derive(dataKey, core.segmentId(), LseFormat.LABEL_HEADER, 32);
        try {
            return Hkdf.hmac(key, core.encode(), new byte[] {(byte) stanzas.size()}, stanzaBytes(stanzas));
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] stanzaBytes(List<Stanza> stanzas) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Stanza stanza : stanzas) {
            byte[] body = stanza.body();
            out.write(stanza.type());
            out.write(body.length >>> 8);
            out.write(body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
