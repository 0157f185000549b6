package dev.logshield.tls.delivery;

import java.io.IOException;

/**
 * The collector refused the connection at the TLS level: handshake failure (untrusted certificate, host name,
 * pin, protocol) or, under TLS 1.3, a client certificate rejected after a handshake that looked successful.
 * Carries a short reason for the handshake-failure metric.
 */
public final class PeerRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public PeerRejectedException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * A metric tag: {@code untrusted-server}, {@code hostname}, {@code pin}, {@code protocol}, {@code not-tls},
     * {@code timeout}, {@code client-rejected}, ...
     */
    public String reason() {
        return reason;
    }
}
