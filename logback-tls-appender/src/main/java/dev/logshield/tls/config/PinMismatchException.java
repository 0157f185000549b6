package dev.logshield.tls.config;

import java.security.cert.CertificateException;

/**
 * A peer's chain passed validation but its leaf's SPKI pin is not among the configured {@code <pins>}: thrown by
 * {@link PinningTrustManager}, and told apart by its type as {@link HandshakeFailureReason#PIN}.
 */
public final class PinMismatchException extends CertificateException {

    private static final long serialVersionUID = 1L;

    /** @param message names the certificate, its pin and the configured ones */
    public PinMismatchException(String message) {
        super(message);
    }
}
