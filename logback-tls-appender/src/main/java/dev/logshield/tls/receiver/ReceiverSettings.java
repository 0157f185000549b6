package dev.logshield.tls.receiver;

import java.net.InetAddress;

/**
 * The receiver's checked settings, as {@link MtlsReceiver#start()} built them from logback.xml.
 *
 * @param address                  the local address to listen on; {@code null} for every interface
 * @param port                     the port; 0 for any free one
 * @param framing                  {@code auto}, {@code octet-counting}, {@code newline} or {@code relp}
 * @param format                   {@code auto}, {@code syslog} or {@code json}
 * @param maxConnections           connections open at once, handshaking ones included
 * @param maxHandshakes            handshaking connections at once in all, fewer than {@code maxConnections}
 * @param maxHandshakesPerAddress  handshaking connections at once per remote IPv4 address or IPv6 /64
 * @param maxConnectionsPerClient  authenticated connections at once per client identity
 * @param maxFrameSize             the largest frame (event) in bytes
 * @param handshakeTimeoutMillis   time allowed for the TLS handshake
 * @param idleTimeoutMillis        time allowed without a byte from the client
 * @param frameTimeoutMillis       time allowed for a frame, from its first byte to its last
 * @param maxEventsPerSecond       events per second per client identity (burst: one second's worth)
 * @param queueSize                events waiting for the dispatcher at most
 * @param queueMaxBytes            bytes of frames waiting for the dispatcher at most
 * @param stopTimeoutMillis        time {@code stop()} may spend handing queued events to the appenders
 * @param statsIntervalMillis      period of the stats status line; 0 for none
 */
record ReceiverSettings(InetAddress address, int port, String framing, String format, int maxConnections,
                        int maxHandshakes, int maxHandshakesPerAddress, int maxConnectionsPerClient, int maxFrameSize,
                        long handshakeTimeoutMillis, long idleTimeoutMillis, long frameTimeoutMillis,
                        int maxEventsPerSecond, int queueSize, long queueMaxBytes, long stopTimeoutMillis,
                        long statsIntervalMillis) {

    /** Whether the connections speak RELP rather than a stream framing. */
    boolean relp() {
        return ReceiverOptions.RELP.equals(framing);
    }
}
