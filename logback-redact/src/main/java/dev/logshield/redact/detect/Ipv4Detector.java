package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects IPv4 addresses in dotted-quad form ({@code 192.0.2.17}).
 *
 * <p>The address is parsed, not pattern-matched: exactly four decimal octets {@code 0-255}, no leading
 * zeros ({@code 010.1.1.1} is rejected: some parsers read it as octal, so it is not an unambiguous address).
 * It must stand alone: no letter or digit touches it, and it does not continue a dotted token on either side,
 * so version strings ({@code 1.2.3.4.5}, {@code v1.2.3.4}), OIDs and reverse-DNS names
 * ({@code 4.3.2.1.in-addr.arpa}) are not addresses. A trailing {@code /prefix} or {@code :port}, or a
 * sentence-ending dot, stays outside the span.
 *
 * <p>Every valid address is reported, including {@code 0.0.0.0}, loopback and private ranges: the rule is
 * predictable, and which ranges identify a person depends on the deployment (a private address behind a
 * VPN can name one laptop). To keep network-level diagnostics, use {@code keepNetwork}.
 *
 * <p>With {@code keepNetwork} only the last octet is reported, so the /24 network stays readable:
 * {@code 10.1.2.[REDACTED:ipv4]}. Linear time, allocation-free. Configured by name:
 * <pre>{@code <detector>ipv4: mask</detector>
 * <detector>ipv4: mask keepNetwork=true</detector>}</pre>
 */
public final class Ipv4Detector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().chars(".").build();

    public static final String NAME = "ipv4";

    private final boolean keepNetwork;

    /** Reports whole addresses. */
    public Ipv4Detector() {
        this(false);
    }

    /** @param keepNetwork when true, report only the last octet, keeping the /24 network visible */
    public Ipv4Detector(boolean keepNetwork) {
        this.keepNetwork = keepNetwork;
    }

    /** True when only the host octet is reported. */
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
        int s = at; // a dot: read the first octet back
        while (s > 0 && at - s < 3 && AsciiChars.isDigit(text.charAt(s - 1))) {
            s--;
        }
        if (s == at) {
            return at;
        }
        return quadAt(text, s, out);
    }

    /** Reports the address starting at {@code at} if there is one; returns where to look next. */
    private int quadAt(CharSequence text, int at, Findings out) {
        final int n = text.length();
        if (canStart(text, at)) {
            int end = dottedQuadEnd(text, at, n);
            if (end > 0 && canEnd(text, end)) {
                int start = at;
                if (keepNetwork) {
                    start = end;
                    while (AsciiChars.isDigit(text.charAt(start - 1))) {
                        start--;
                    }
                }
                out.add(start, end);
                return end;
            }
        }
        int i = at;
        while (i < n && AsciiChars.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * End of a strict dotted quad starting at {@code s} and lying within {@code [s, limit)}, or -1. Checks
     * the octets only, not what surrounds them.
     */
    static int dottedQuadEnd(CharSequence text, int s, int limit) {
        int p = s;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (p >= limit || text.charAt(p) != '.') {
                    return -1;
                }
                p++;
            }
            int value = 0;
            int digits = 0;
            while (p < limit && AsciiChars.isDigit(text.charAt(p))) {
                if (++digits > 3) {
                    return -1;
                }
                value = value * 10 + (text.charAt(p) - '0');
                p++;
            }
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(p - digits) == '0')) {
                return -1;
            }
        }
        return p;
    }

    private static boolean canStart(CharSequence text, int s) {
        if (AsciiChars.isTokenAt(text, s - 1)) {
            return false;
        }
        return !(AsciiChars.at(text, s - 1) == '.' && AsciiChars.isTokenAt(text, s - 2));
    }

    private static boolean canEnd(CharSequence text, int end) {
        if (AsciiChars.isTokenAt(text, end)) {
            return false;
        }
        return !(AsciiChars.at(text, end) == '.' && AsciiChars.isTokenAt(text, end + 1));
    }
}
