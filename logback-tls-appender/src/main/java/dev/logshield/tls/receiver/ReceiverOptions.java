package dev.logshield.tls.receiver;

import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import dev.logshield.tls.receiver.frames.FrameReaders;
import dev.logshield.tls.receiver.parse.EventParsers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/** The receiver's listening and limit elements as Joran set them, with their defaults; checked in start(). */
final class ReceiverOptions {

    /** The framing name of RELP, which has its own reader. */
    static final String RELP = "relp";
    /** The largest length octet counting and RELP can announce: 9 digits. */
    private static final long MAX_FRAME_SIZE = FrameReaders.MAX_FRAME_SIZE_LIMIT;

    String address;
    int port = 6514;
    String framing = "auto";
    String format = "auto";
    int maxConnections = 512;
    /** {@code null}: {@link #defaultMaxHandshakes}. */
    Integer maxHandshakes;
    int maxHandshakesPerAddress = 8;
    int maxConnectionsPerClient = 16;
    FileSize maxFrameSize = new FileSize(128 * 1024);
    Duration handshakeTimeout = Duration.buildBySeconds(10);
    Duration idleTimeout = Duration.buildByMinutes(10);
    Duration frameTimeout = Duration.buildBySeconds(30);
    int maxEventsPerSecond = 10_000;
    int queueSize = 8192;
    FileSize queueMaxBytes = new FileSize(64L * 1024 * 1024);
    Duration stopTimeout = Duration.buildBySeconds(5);
    Duration statsInterval;

    /** {@code address:port} as configured, {@code *} for every interface. */
    String where() {
        return where(port);
    }

    /** {@code address:port} with the port actually bound. */
    String where(int boundPort) {
        return (address == null || address.isBlank() ? "*" : address.strip()) + ":" + boundPort;
    }

    /**
     * The checked settings, or {@code null} after adding to {@code errors} what is wrong with them, each saying what
     * to configure instead.
     */
    ReceiverSettings settings(List<String> errors) {
        int before = errors.size();
        InetAddress bindAddress = null;
        if (address != null && !address.isBlank()) {
            try {
                bindAddress = InetAddress.getByName(address.strip());
            } catch (UnknownHostException e) {
                errors.add("<address>" + address + "</address> is not an address of this host; use an IP address such"
                        + " as 0.0.0.0 or 127.0.0.1");
            }
        }
        if (port < 0 || port > 65535) {
            errors.add("<port>" + port + "</port> is not a TCP port: use 1 to 65535 (6514 is syslog over TLS), or 0"
                    + " for any free port");
        }
        String framingName = normalized(framing);
        if (!FrameReaders.names().contains(framingName) && !framingName.equals(RELP)) {
            errors.add("unknown <framing> '" + framing + "': use auto, octet-counting (RFC 5425), newline (JSON lines)"
                    + " or relp");
        }
        String formatName = normalized(format);
        if (!EventParsers.names().contains(formatName)) {
            errors.add("unknown <format> '" + format + "': use auto, syslog or json");
        }
        positive(errors, "maxConnections", maxConnections);
        int handshakes = maxHandshakes != null ? maxHandshakes : defaultMaxHandshakes(maxConnections);
        if (maxHandshakes != null) {
            positive(errors, "maxHandshakes", maxHandshakes);
            if (maxHandshakes >= maxConnections && maxConnections > 1) {
                errors.add("<maxHandshakes>" + maxHandshakes + "</maxHandshakes> must be less than <maxConnections> "
                        + maxConnections + ": connections still in their TLS handshake must leave room for the"
                        + " clients that have authenticated (default: a quarter of <maxConnections>, at least 8)");
            }
        }
        positive(errors, "maxHandshakesPerAddress", maxHandshakesPerAddress);
        positive(errors, "maxConnectionsPerClient", maxConnectionsPerClient);
        positive(errors, "maxEventsPerSecond", maxEventsPerSecond);
        positive(errors, "queueSize", queueSize);
        long frameSize = size(errors, "maxFrameSize", maxFrameSize);
        if (frameSize > MAX_FRAME_SIZE) {
            errors.add("<maxFrameSize> " + maxFrameSize + " is too large: at most " + MAX_FRAME_SIZE + " bytes (a"
                    + " 9-digit length, as octet counting and RELP allow); a few hundred KB is plenty for log events");
        }
        long queueBytes = size(errors, "queueMaxBytes", queueMaxBytes);
        long handshake = millis(errors, "handshakeTimeout", handshakeTimeout);
        long idle = millis(errors, "idleTimeout", idleTimeout);
        long frame = millis(errors, "frameTimeout", frameTimeout);
        long stop = millis(errors, "stopTimeout", stopTimeout);
        long stats = statsInterval == null ? 0 : millis(errors, "statsInterval", statsInterval);
        if (errors.size() > before) {
            return null;
        }
        return new ReceiverSettings(bindAddress, port, framingName, formatName, maxConnections, handshakes,
                maxHandshakesPerAddress, maxConnectionsPerClient, (int) frameSize, handshake, idle, frame, maxEventsPerSecond, queueSize,
                queueBytes, stop, stats);
    }

    /**
     * A quarter of {@code maxConnections}, but at least 8 (and fewer than {@code maxConnections}): a handful of
     * clients connecting at once must not displace one another's handshakes.
     */
    static int defaultMaxHandshakes(int maxConnections) {
        return Math.max(1, Math.max(maxConnections / 4, Math.min(8, maxConnections - 1)));
    }

    private static String normalized(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void positive(List<String> errors, String element, int value) {
        if (value <= 0) {
            errors.add("<" + element + ">" + value + "</" + element + "> must be at least 1");
        }
    }

    private static long size(List<String> errors, String element, FileSize value) {
        if (value == null || value.getSize() <= 0) {
            errors.add("<" + element + "> must be a positive size such as 128 KB");
            return 0;
        }
        return value.getSize();
    }

    private static long millis(List<String> errors, String element, Duration value) {
        if (value == null || value.getMilliseconds() <= 0) {
            errors.add("<" + element + "> must be a positive duration such as 10 seconds");
            return 0;
        }
        return value.getMilliseconds();
    }

}
