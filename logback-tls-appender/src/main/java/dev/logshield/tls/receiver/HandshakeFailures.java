package dev.logshield.tls.receiver;

import dev.logshield.tls.config.HandshakeFailureReason;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Says why a client's TLS handshake failed, as the {@code reason} tag of
 * {@code logshield.receiver.connections.rejected} and in the status warning, from what the JDK threw (the
 * certificate, alert and not-TLS facts shared with the appender through {@link HandshakeFailureReason}, told by type):
 * <ul>
 * <li>{@value #NO_CERTIFICATE}: the client sent no certificate (mutual TLS is required);</li>
 * <li>{@value #UNTRUSTED_CERTIFICATE}: its certificate does not chain to a trusted CA, has expired, is not yet
 * valid, or does not allow client authentication;</li>
 * <li>{@value #REVOKED}: a certificate of its chain is listed in a configured CRL;</li>
 * <li>{@value #REVOCATION_UNKNOWN}: a CA of its chain has no current CRL among the configured ones (fail closed);</li>
 * <li>{@value #PROTOCOL}: it offered only protocol versions older than TLS 1.2 (or only 1.3 when 1.2 alone is
 * enabled), or no cipher suite in common;</li>
 * <li>{@value #NOT_TLS}: it spoke something else (plaintext syslog to the TLS port, HTTP);</li>
 * <li>{@value #TIMEOUT}: it did not complete the handshake within {@code <handshakeTimeout>};</li>
 * <li>{@value #DISPLACED}: its handshake was the oldest under way when {@code <maxHandshakes>} were and a new
 * connection came ({@link HandshakeSlots});</li>
 * <li>{@value #FAILED}: anything else (the client hung up, or refused the receiver's certificate).</li>
 * </ul>
 */
final class HandshakeFailures {

    static final String NO_CERTIFICATE = "no-certificate";
    static final String UNTRUSTED_CERTIFICATE = "untrusted-certificate";
    static final String REVOKED = "revoked";
    static final String REVOCATION_UNKNOWN = "revocation-unknown";
    static final String PROTOCOL = "protocol";
    static final String NOT_TLS = "not-tls";
    static final String TIMEOUT = "handshake-timeout";
    static final String DISPLACED = "handshake-displaced";
    static final String FAILED = "handshake-failed";

    private HandshakeFailures() {
    }

    /**
     * The reason for {@code failure}.
     *
     * @param timedOut whether the connection's handshake deadline had passed (the watchdog closed the socket)
     */
    static String classify(Throwable failure, boolean timedOut) {
        if (timedOut || failure instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        HandshakeFailureReason shared = HandshakeFailureReason.of(failure);
        if (shared == HandshakeFailureReason.REVOKED) {
            return REVOKED;
        }
        if (shared == HandshakeFailureReason.REVOCATION_UNKNOWN) {
            return REVOCATION_UNKNOWN;
        }
        String text = messages(failure).toLowerCase(Locale.ROOT);
        if (text.contains("empty client certificate chain") || text.contains("certificate_required")
                || text.contains("peer not authenticated")) {
            return NO_CERTIFICATE;
        }
        if (shared == HandshakeFailureReason.NOT_TLS) {
            return NOT_TLS;
        }
        if (shared == HandshakeFailureReason.UNTRUSTED || shared == HandshakeFailureReason.EXPIRED) {
            return UNTRUSTED_CERTIFICATE;
        }
        // the JDK server's own refusals of a client's versions or suites carry no type and no alert name
        if (shared == HandshakeFailureReason.PROTOCOL || text.contains("protocol version")
                || text.contains("is not enabled or supported") || text.contains("no negotiable cipher suite")
                || text.contains("handshake_failure") && text.contains("cipher")) {
            return PROTOCOL;
        }
        return FAILED;
    }

    /** What to tell the operator, by reason. */
    static String advice(String reason) {
        switch (reason) {
            case NO_CERTIFICATE:
                return "the client sent no certificate: configure its certificate and private key (mutual TLS is required)";
            case UNTRUSTED_CERTIFICATE:
                return "the client's certificate is not issued by a CA in <trustedCertificates>/<trustStore>, is"
                        + " expired or not yet valid, or lacks the clientAuth extended key usage";
            case REVOKED:
                return "a certificate of the client's chain is revoked by a CRL of <revocationList>";
            case REVOCATION_UNKNOWN:
                return "the revocation status of a certificate of the client's chain is unknown: <revocationList> has"
                        + " no current CRL of its CA";
            case PROTOCOL:
                return "the client offered no protocol version or cipher suite in common: the receiver speaks only"
                        + " TLS 1.3 and 1.2";
            case NOT_TLS:
                return "the client does not speak TLS: is it sending plaintext syslog to the TLS port?";
            case TIMEOUT:
                return "the client did not complete the TLS handshake within <handshakeTimeout>";
            case DISPLACED:
                return "its handshake was the oldest of <maxHandshakes> under way and gave way to a new connection"
                        + " (many connections that stall their handshakes, from many networks?)";
            default:
                return "the handshake failed";
        }
    }

    /** The messages of {@code failure} and its causes, joined, at most about 1,000 characters. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1000; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() == 0 ? failure.getClass().getSimpleName() : text.toString();
    }
}
