package dev.logshield.crypto.keys;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bech32 (BIP-173) as age uses it: the original checksum constant (not Bech32m), one case per string, and no
 * 90-character limit (an age identity or recipient fits, a post-quantum one would not). Error messages name
 * positions, never the input, because the input may be a secret key.
 */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int CHECKSUM_LENGTH = 6;

    private Bech32() {
    }

    /** A decoded string: its human-readable part, in the case it was written in, and its data bytes. */
    record Decoded(String hrp, byte[] data) {
    }

    /** Encodes {@code data} under {@code hrp}; an upper-case HRP gives an upper-case string. */
    static String encode(String hrp, byte[] data) {
        if (hrp.isEmpty()) {
            throw new IllegalArgumentException("empty Bech32 human-readable part");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("invalid character in Bech32 human-readable part at " + i);
            }
        }
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        boolean upper = hrp.equals(hrp.toUpperCase(Locale.ROOT)) && !hrp.equals(lowerHrp);
        if (!upper && !hrp.equals(lowerHrp)) {
            throw new IllegalArgumentException("mixed-case Bech32 human-readable part");
        }
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(lowerHrp, values);
        StringBuilder out = new StringBuilder(lowerHrp.length() + 1 + values.length + CHECKSUM_LENGTH);
        out.append(lowerHrp).append('1');
        for (byte v : values) {
            out.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            out.append(CHARSET.charAt(v));
        }
        String s = out.toString();
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    /**
     * Decodes a Bech32 string.
     *
     * @throws IllegalArgumentException with a reason ("bad checksum", "mixed case", ...) that never quotes the input
     */
    static Decoded decode(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (!s.equals(lower) && !s.equals(s.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("mixed case");
        }
        int separator = s.lastIndexOf('1');
        if (separator < 1) {
            throw new IllegalArgumentException(separator == 0 ? "empty human-readable part" : "no separator '1'");
        }
        if (separator + 1 + CHECKSUM_LENGTH > s.length()) {
            throw new IllegalArgumentException("too short for a checksum");
        }
        String hrp = s.substring(0, separator);
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("invalid character in the human-readable part at position " + i);
            }
        }
        byte[] values = new byte[s.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int d = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (d < 0) {
                throw new IllegalArgumentException("invalid character in the data part at position " + (separator + 1 + i));
            }
            values[i] = (byte) d;
        }
        if (polymod(hrpExpand(lower.substring(0, separator)), values) != 1) {
            throw new IllegalArgumentException("bad checksum");
        }
        byte[] data = convertBits(Arrays.copyOf(values, values.length - CHECKSUM_LENGTH), 5, 8, false);
        return new Decoded(hrp, data);
    }

    private static byte[] checksum(String lowerHrp, byte[] values) {
        byte[] padded = Arrays.copyOf(values, values.length + CHECKSUM_LENGTH);
        int mod = polymod(hrpExpand(lowerHrp), padded) ^ 1;
        byte[] out = new byte[CHECKSUM_LENGTH];
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static int polymod(byte[] hrpValues, byte[] values) {
        int chk = 1;
        for (byte[] part : new byte[][] {hrpValues, values}) {
            for (byte v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) == 1) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] hrpExpand(String lowerHrp) {
        int n = lowerHrp.length();
        byte[] out = new byte[2 * n + 1];
        for (int i = 0; i < n; i++) {
            char c = lowerHrp.charAt(i);
            out[i] = (byte) (c >>> 5);
            out[n + 1 + i] = (byte) (c & 31);
        }
        return out;
    }

    private static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << toBits) - 1;
        for (byte b : data) {
            int value = b & 0xFF;
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxValue);
            }
            acc &= (1 << bits) - 1;
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (toBits - bits)) & maxValue);
            }
        } else if (bits >= fromBits) {
            throw new IllegalArgumentException("excess padding");
        } else if (((acc << (toBits - bits)) & maxValue) != 0) {
            throw new IllegalArgumentException("non-zero padding");
        }
        return out.toByteArray();
    }
}
