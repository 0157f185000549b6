package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects IPv6 addresses in RFC 4291 text form: eight groups of one to four hex digits, or fewer with one
 * {@code ::}, optionally ending in an embedded IPv4 address ({@code ::ffff:192.0.2.1}).
 *
 * <p>The detector reads maximal runs of hex digits, colons and dots and parses each one as a whole; a run
 * that is not one address is not an address. A single leading colon ({@code ip:2001:db8::1}) and a
 * trailing colon or dots are punctuation, not part of it. The address must not touch a letter, digit or
 * {@code _}; brackets, a {@code %zone} and a {@code :port} after a bracket stay outside the span
 * ({@code [2001:db8::1]:443} reports {@code 2001:db8::1}). A {@code :port} without brackets also stays
 * outside when the address is complete without it (eight groups, or an IPv4 tail:
 * {@code 0:0:0:0:0:0:0:1:8080}, {@code ::ffff:192.0.2.1:80}); after a {@code ::} address it cannot be told
 * from a last group and is reported with the address.
 *
 * <p>To keep false positives rare, these valid-looking texts are rejected: fewer than eight groups without
 * {@code ::} (times {@code 12:30:45}, MAC addresses {@code 00:1a:2b:3c:4d:5e}); a bare {@code ::}
 * ({@code std::vector}); an address without any decimal digit ({@code a::b}, {@code dead::beef}: words, not
 * addresses); eight groups of exactly two hex digits (a byte dump such as a key fingerprint or EUI-64, not
 * how addresses are written).
 *
 * <p>With {@code keepNetwork} the first three groups (the /48 routing prefix) stay readable and only the
 * rest is reported: {@code 2001:db8:85a3:[REDACTED:ipv6]}. That needs the three groups written before any
 * {@code ::}; when {@code ::} or an embedded IPv4 part comes earlier, the whole address is reported, since
 * which written groups make up the prefix then depends on expanding the address.
 *
 * <p>Linear time: runs are read once, and only runs of at most 45 characters plus a port are parsed.
 * Allocation-free. Configured by name:
 * <pre>{@code <detector>ipv6: mask</detector>
 * <detector>ipv6: mask keepNetwork=true</detector>}</pre>
 */
public final class Ipv6Detector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().chars(":").build();

    public static final String NAME = "ipv6";

    /** Longest text form: six full groups and a dotted quad, {@code ffff:...:ffff:255.255.255.255}. */
    static final int MAX_TEXT = 45;
    /** A {@code :port} after an address that is complete without it. */
    private static final int MAX_PORT_TEXT = 6;
    /** Longest run of address characters around a colon that can still be an address with its port. */
    private static final int MAX_CANDIDATE = MAX_TEXT + MAX_PORT_TEXT + 3;

    private final boolean keepNetwork;

    /** Reports whole addresses. */
    public Ipv6Detector() {
        this(false);
    }

    /** @param keepNetwork when true, keep the first three groups (/48) and report the rest */
    public Ipv6Detector(boolean keepNetwork) {
        this.keepNetwork = keepNetwork;
    }

    /** True when the /48 prefix is kept. */
    public boolean keepsNetwork() {
        return keepNetwork;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triggers triggers() {
        return TRIGGERS;
    }

    @Override
    public int validate(CharSequence text, int at, Findings out) {
        final int n = text.length();
        int s = at;
        int floor = Math.max(0, at - MAX_CANDIDATE);
        while (s > floor && isRunChar(text.charAt(s - 1))) {
            s--;
        }
        int e = at + 1;
        while (e < n && isRunChar(text.charAt(e))) {
            e++;
        }
        boolean cut = s == floor && s > 0 && isRunChar(text.charAt(s - 1)); // longer than any address
        if (!cut) {
            candidate(text, s, e, out);
        }
        return e;
    }

    private void candidate(CharSequence text, int s, int e, Findings out) {
        while (e > s && text.charAt(e - 1) == '.') {
            e--;
        }
        if (e - s >= 2 && text.charAt(e - 1) == ':' && text.charAt(e - 2) != ':') {
            e--;
        }
        while (s < e && text.charAt(s) == '.') {
            s++;
        }
        if (e - s >= 2 && text.charAt(s) == ':' && text.charAt(s + 1) != ':') {
            s++;
        }
        if (e - s < 3 || e - s > MAX_TEXT + MAX_PORT_TEXT) {
            return;
        }
        if (touchesToken(text, s - 1) || touchesToken(text, e)) {
            return;
        }
        long parsed = parse(text, s, e);
        if (parsed < 0) {
            return;
        }
        int hostStart = (int) (parsed >>> 32);
        int end = (int) parsed;
        out.add(keepNetwork && hostStart > s ? hostStart : s, end);
    }

    /**
     * Parses {@code text[s, e)} as a whole address, or as an address and a {@code :port} when the address
     * is complete before the port (eight groups, or an IPv4 tail), which makes the port unambiguous.
     * Returns -1 when it is not one (or is one of the rejected look-alikes); otherwise the address end in
     * the low 32 bits and, in the high 32 bits, the index right after the third group's colon when the
     * first three groups are written before any {@code ::}, else {@code s}.
     */
    static long parse(CharSequence text, int s, int e) {
        int p = s;
        int groups = 0;
        boolean compressed = false;
        boolean decimalDigit = false;
        boolean allTwoHex = true;
        int hostStart = s;
        if (text.charAt(p) == ':') {
            if (p + 1 >= e || text.charAt(p + 1) != ':') {
                return -1;
            }
            compressed = true;
            p += 2;
        }
        while (p < e) {
            final int gs = p;
            while (p < e && AsciiChars.isHex(text.charAt(p)) && p - gs < 5) {
                p++;
            }
            final int len = p - gs;
            if (len == 0) {
                return -1;
            }
            if (p < e && text.charAt(p) == '.') {
                int v4End = Ipv4Detector.dottedQuadEnd(text, gs, e);
                if (v4End < 0 || (v4End != e && !isPort(text, v4End, e))) {
                    return -1;
                }
                e = v4End;
                groups += 2;
                decimalDigit = true;
                allTwoHex = false;
                break;
            }
            if (len > 4) {
                return -1;
            }
            for (int k = gs; k < p; k++) {
                decimalDigit |= AsciiChars.isDigit(text.charAt(k));
            }
            allTwoHex &= len == 2;
            if (++groups > 8) {
                return -1;
            }
            if (p == e) {
                break;
            }
            if (groups == 8 && !compressed && isPort(text, p, e)) {
                e = p;
                break;
            }
            if (text.charAt(p) != ':') {
                return -1;
            }
            p++;
            if (groups == 3 && !compressed) {
                hostStart = p;
            }
            if (p < e && text.charAt(p) == ':') {
                if (compressed) {
                    return -1;
                }
                compressed = true;
                p++;
            } else if (p == e) {
                return -1;
            }
        }
        if (compressed ? groups > 7 : groups != 8) {
            return -1;
        }
        if (groups == 0 || !decimalDigit || (!compressed && allTwoHex)) {
            return -1;
        }
        return ((long) hostStart << 32) | e;
    }

    /** True when {@code text[colon, e)} is {@code :} and a decimal port number, 0-65535. */
    private static boolean isPort(CharSequence text, int colon, int e) {
        if (text.charAt(colon) != ':' || e - colon < 2 || e - colon > MAX_PORT_TEXT) {
            return false;
        }
        int port = 0;
        for (int k = colon + 1; k < e; k++) {
            char c = text.charAt(k);
            if (!AsciiChars.isDigit(c)) {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65_535;
    }

    private static boolean isRunChar(char c) {
        return AsciiChars.isHex(c) || c == ':' || c == '.';
    }

    private static boolean touchesToken(CharSequence text, int i) {
        return AsciiChars.at(text, i) == '_' || AsciiChars.isTokenAt(text, i);
    }
}
