package dev.logshield.tls.delivery;

/**
 * One collector address, {@code host:port} ({@code [v6]:port} for IPv6 literals). The name is resolved again at
 * every connection attempt, so DNS changes are followed without a restart.
 */
public record Destination(String host, int port) {

    public Destination {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("destination host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("destination port out of range: " + port);
        }
    }

    /** Parses {@code host:port}, {@code [ipv6]:port}; {@code defaultPort} when no port is given. */
    public static Destination parse(String text, int defaultPort) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty destination");
        }
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in destination '" + value + "'");
            }
            host = value.substring(1, close);
            if (close + 1 < value.length()) {
                if (value.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("expected :port after ] in '" + value + "'");
                }
                port = value.substring(close + 2);
            }
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') == colon) {
                host = value.substring(0, colon);
                port = value.substring(colon + 1);
            } else {
                host = value;
            }
        }
        int number = defaultPort;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in destination '" + value + "'");
            }
        }
        return new Destination(host, number);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
