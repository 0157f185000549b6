package dev.logshield.tls.receiver;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What the per-source handshake limit ({@code <maxHandshakesPerAddress>}) counts by: an IPv4 address as it is, an
 * IPv6 address by its /64 network. One IPv6 host is routinely given a whole /64 (SLAAC, privacy addresses), so
 * counting IPv6 per address would give it 2<sup>64</sup> budgets. An IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.7}, as a dual-stack socket may report an IPv4 client) counts as its IPv4 address.
 */
final class SourceNetwork {

    private static final int PREFIX_BYTES = 8;

    private SourceNetwork() {
    }

    /** The key of {@code address}: {@code 192.0.2.7}, or {@code 2001:db8:0:1:0:0:0:0/64}. */
    static String of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, PREFIX_BYTES), bytes.length);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            // 16 bytes are always an address
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
