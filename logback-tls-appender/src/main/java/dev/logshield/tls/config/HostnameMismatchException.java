package dev.logshield.tls.config;

import java.security.cert.CertificateException;

/**
 * The server's chain is trusted but the JDK's endpoint identification (hostname verification) refused it: the
 * certificate does not name the host connected to. Thrown by {@link HostnameVerifyingTrustManager} with the JDK's
 * refusal as its cause and message, and told apart by its type as {@link HandshakeFailureReason#HOSTNAME}.
 */
public final class HostnameMismatchException extends CertificateException {

    private static final long serialVersionUID = 1L;

    /** @param refusal the JDK's refusal, e.g. "No subject alternative DNS name matching example.org found." */
    public HostnameMismatchException(CertificateException refusal) {
        super(refusal.getMessage(), refusal);
    }
}
