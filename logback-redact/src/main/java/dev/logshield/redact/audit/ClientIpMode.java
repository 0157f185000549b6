package dev.logshield.redact.audit;

import java.net.InetAddress;
import java.util.Locale;

/**
 * How {@code client_ip} is written: {@code full} address, its {@code network} (IPv4 /24, IPv6 /48; the
 * default), or {@code mask}ed. Whatever the mode, a value that is not a bare IPv4 or IPv6 address is masked,
 * so the field can never carry anything but an address.
 */
enum ClientIpMode {
    FULL,
    NETWORK,
    MASK;

    /** What a masked or invalid address becomes. */
    static final String MASKED = "[REDACTED:ip]";

    /** Parses {@code full|network|mask} (any case, trimmed); null when it is none of them. */
    static ClientIpMode parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "full": return FULL;
            case "network": return NETWORK;
            case "mask": return MASK;
            default: return null;
        }
    }

    /** The field's text for {@code value} (a String or an {@link InetAddress}); null stays null. */
    String render(Object value) {
        if (value == null) {
            return null;
        }
        if (this == MASK) {
            return MASKED;
        }
        IpLiteral ip = value instanceof InetAddress
                ? IpLiteral.of((InetAddress) value)
                : value instanceof CharSequence ? IpLiteral.parse(value.toString()) : null;
        if (ip == null) {
            return MASKED;
        }
        return this == FULL ? ip.canonical() : ip.network();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
