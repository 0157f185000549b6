package dev.logshield.redact.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A strictly parsed IP address literal, written back in canonical form or reduced to its network.
 *
 * <p>Parsing never resolves names (unlike {@link InetAddress#getByName}): IPv4 is four decimal octets
 * {@code 0-255} without leading zeros; IPv6 is RFC 4291 text (one {@code ::} at most, an optional dotted IPv4
 * tail), after trimming surrounding whitespace; brackets, ports and zones are not part of an address. Output is
 * canonical: dotted quad, or RFC 5952 for IPv6 (lower case, longest zero run compressed); an IPv4-mapped IPv6
 * address ({@code ::ffff:203.0.113.7}) keeps its dotted tail and its network is the IPv4 /24.
 */
final class IpLiteral {

    private static final int MAX_TEXT = 45;

    /** 4 bytes for IPv4, 16 for IPv6. */
    private final byte[] bytes;

    private IpLiteral(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address in {@code text} (trimmed), or null when it is not exactly one address. */
    static IpLiteral parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > MAX_TEXT) {
            return null;
        }
        byte[] b = s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s, 0, s.length());
        return b == null ? null : new IpLiteral(b);
    }

    /** The address of {@code address}, without any lookup; the scope of an IPv6 address is dropped. */
    static IpLiteral of(InetAddress address) {
        if (address instanceof Inet4Address || address instanceof Inet6Address) {
            return new IpLiteral(address.getAddress());
        }
        return null;
    }

    /** The full address in canonical form. */
    String canonical() {
        if (bytes.length == 4) {
            return v4(bytes, 0);
        }
        if (isMappedV4()) {
            return "::ffff:" + v4(bytes, 12);
        }
        return v6(groups(bytes));
    }

    /** The network: IPv4 {@code a.b.c.0/24}, IPv6 {@code x:y:z::/48}, IPv4-mapped IPv6 as IPv4. */
    String network() {
        if (bytes.length == 4 || isMappedV4()) {
            int o = bytes.length - 4;
            return (bytes[o] & 0xFF) + "." + (bytes[o + 1] & 0xFF) + "." + (bytes[o + 2] & 0xFF) + ".0/24";
        }
        int[] g = groups(bytes);
        for (int i = 3; i < 8; i++) {
            g[i] = 0;
        }
        return v6(g) + "/48";
    }

    private boolean isMappedV4() {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /** Four octets from {@code s[from, to)}, or null. */
    private static byte[] parseV4(String s, int from, int to) {
        byte[] out = new byte[4];
        int p = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (p >= to || s.charAt(p) != '.') {
                    return null;
                }
                p++;
            }
            int start = p;
            int value = 0;
            while (p < to && p - start < 3 && isDigit(s.charAt(p))) {
                value = value * 10 + (s.charAt(p) - '0');
                p++;
            }
            int digits = p - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[octet] = (byte) value;
        }
        return p == to ? out : null;
    }

    private static byte[] parseV6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = new int[9];
        int[] tail = new int[9];
        int headCount;
        int tailCount = 0;
        byte[][] v4Tail = new byte[1][];
        if (gap < 0) {
            headCount = groups(s, 0, s.length(), head, v4Tail);
            if (headCount != 8) {
                return null;
            }
        } else {
            headCount = gap == 0 ? 0 : groups(s, 0, gap, head, null);
            tailCount = gap + 2 == s.length() ? 0 : groups(s, gap + 2, s.length(), tail, v4Tail);
            if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
                return null;
            }
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, headCount);
        System.arraycopy(tail, 0, all, 8 - tailCount, tailCount);
        if (v4Tail[0] != null) {
            byte[] q = v4Tail[0];
            all[6] = (q[0] & 0xFF) << 8 | (q[1] & 0xFF);
            all[7] = (q[2] & 0xFF) << 8 | (q[3] & 0xFF);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all[i] >>> 8);
            out[2 * i + 1] = (byte) all[i];
        }
        return out;
    }

    /**
     * Reads colon-separated hex groups from {@code s[from, to)} into {@code out}; returns how many groups they
     * count for (a dotted IPv4 tail, allowed only when {@code v4Tail} is given, counts two and is returned in
     * {@code v4Tail[0]}), or -1 when the text is not groups.
     */
    private static int groups(String s, int from, int to, int[] out, byte[][] v4Tail) {
        int count = 0;
        int p = from;
        while (true) {
            int start = p;
            int value = 0;
            while (p < to && p - start < 5 && hex(s.charAt(p)) >= 0) {
                value = value << 4 | hex(s.charAt(p));
                p++;
            }
            if (p < to && s.charAt(p) == '.') {
                if (v4Tail == null || count > 6) {
                    return -1;
                }
                byte[] q = parseV4(s, start, to);
                if (q == null) {
                    return -1;
                }
                v4Tail[0] = q;
                return count + 2;
            }
            int len = p - start;
            if (len == 0 || len > 4 || count == 8) {
                return -1;
            }
            out[count++] = value;
            if (p == to) {
                return count;
            }
            if (s.charAt(p) != ':') {
                return -1;
            }
            p++;
            if (p == to) {
                return -1; // trailing single colon
            }
        }
    }

    private static int[] groups(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        }
        return g;
    }

    /** RFC 5952 text: lower-case hex, no leading zeros, the first longest run of two or more zero groups as {@code ::}. */
    private static String v6(int[] g) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    private static String v4(byte[] b, int o) {
        return (b[o] & 0xFF) + "." + (b[o + 1] & 0xFF) + "." + (b[o + 2] & 0xFF) + "." + (b[o + 3] & 0xFF);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
