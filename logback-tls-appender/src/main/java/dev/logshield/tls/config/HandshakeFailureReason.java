package dev.logshield.tls.config;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a TLS handshake failed, told from the types in the failure's cause chain and, where the JDK gives nothing but a
 * message, from its exact wording of a received alert or of a few fixed errors; never by searching the text. Pure:
 * no I/O, no Logback. {@link #tag()} is the {@code reason} of the appender's {@code logshield.tls.handshake_failures}
 * (the receiver maps the same reasons to its own tags).
 * <ul>
 * <li>our trust manager refused the peer's certificate: {@link #HOSTNAME} ({@link HostnameMismatchException}),
 * {@link #PIN} ({@link PinMismatchException}), {@link #EXPIRED} (a {@link CertPathValidatorException} whose reason is
 * {@code EXPIRED} or {@code NOT_YET_VALID}, or a {@link CertificateExpiredException} /
 * {@link CertificateNotYetValidException}), {@link #REVOKED} and {@link #REVOCATION_UNKNOWN} (reasons
 * {@code REVOKED} and {@code UNDETERMINED_REVOCATION_STATUS}), {@link #UNTRUSTED} (any other validation reason, a
 * {@link CertPathBuilderException}, or any other {@link CertificateException}: no path to a trusted anchor, wrong
 * key usage, an unreadable certificate);</li>
 * <li>the peer refused us, seen only as the JDK's "Received fatal alert: <i>name</i>", parsed exactly:
 * {@link #REFUSED_BY_PEER} for the alerts about our certificate or its proof of possession ({@code bad_certificate},
 * {@code unsupported_certificate}, {@code certificate_revoked}, {@code certificate_expired},
 * {@code certificate_unknown}, {@code unknown_ca}, {@code access_denied}, {@code certificate_required},
 * {@code decrypt_error}); {@link #PROTOCOL} for {@code protocol_version} and {@code insufficient_security};</li>
 * <li>the JDK's own errors that carry no type: {@link #PROTOCOL} ("No appropriate protocol...", "The server selected
 * protocol version ... is not accepted..."), {@link #NOT_TLS} ("Unsupported or unrecognized SSL message");</li>
 * <li>{@link #HANDSHAKE}: anything else.</li>
 * </ul>
 */
public enum HandshakeFailureReason {

    /** The peer's certificate (or one of its chain) is past its notAfter, or before its notBefore. */
    EXPIRED("expired"),
    /** The peer's chain does not lead to a trusted CA, or its certificate is unfit (key usage, unreadable). */
    UNTRUSTED("untrusted-server"),
    /** A certificate of the peer's chain is listed in a configured CRL. */
    REVOKED("revoked"),
    /** A CA of the peer's chain has no current CRL among the configured ones. */
    REVOCATION_UNKNOWN("revocation-unknown"),
    /** The server's certificate does not name the host connected to. */
    HOSTNAME("hostname"),
    /** The peer's key is not among the configured pins. */
    PIN("pin"),
    /** The peer sent an alert refusing our certificate (or the proof that we hold its key). */
    REFUSED_BY_PEER("client-rejected"),
    /** No protocol version or security level in common. */
    PROTOCOL("protocol"),
    /** The peer answered with something that is not TLS (plaintext, HTTP). */
    NOT_TLS("not-tls"),
    /** Any other failure. */
    HANDSHAKE("handshake");

    private static final String RECEIVED_ALERT = "Received fatal alert: ";
    private static final Set<String> ALERTS_REFUSING_OUR_CERTIFICATE = Set.of("bad_certificate",
            "unsupported_certificate", "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca",
            "access_denied", "certificate_required", "decrypt_error");
    private static final Set<String> ALERTS_ABOUT_THE_PROTOCOL = Set.of("protocol_version", "insufficient_security");
    /** How deep a cause chain is followed. */
    private static final int MAX_CAUSES = 32;

    private final String tag;

    HandshakeFailureReason(String tag) {
        this.tag = tag;
    }

    /** The {@code reason} tag of the appender's {@code logshield.tls.handshake_failures}. */
    public String tag() {
        return tag;
    }

    /** The reason for {@code failure} (an {@code SSLException} or anything wrapping one), {@link #HANDSHAKE} if unknown. */
    public static HandshakeFailureReason of(Throwable failure) {
        boolean certificateRefused = false;
        for (Throwable t : causes(failure)) {
            HandshakeFailureReason reason = ofType(t);
            if (reason != null) {
                return reason;
            }
            certificateRefused |= t instanceof CertificateException;
        }
        if (certificateRefused) {
            return UNTRUSTED;
        }
        for (Throwable t : causes(failure)) {
            HandshakeFailureReason reason = ofJdkMessage(t.getMessage());
            if (reason != null) {
                return reason;
            }
        }
        return HANDSHAKE;
    }

    /**
     * The name of the fatal alert the peer sent, from the JDK's exact "Received fatal alert: <i>name</i>", or
     * {@code null} when {@code message} is not that.
     */
    static String receivedAlert(String message) {
        if (message == null || !message.startsWith(RECEIVED_ALERT)) {
            return null;
        }
        String name = message.substring(RECEIVED_ALERT.length()).trim();
        return name.isEmpty() ? null : name;
    }

    private static HandshakeFailureReason ofType(Throwable t) {
        if (t instanceof HostnameMismatchException) {
            return HOSTNAME;
        }
        if (t instanceof PinMismatchException) {
            return PIN;
        }
        if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
            return EXPIRED;
        }
        if (t instanceof CertPathValidatorException) {
            CertPathValidatorException.Reason reason = ((CertPathValidatorException) t).getReason();
            if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
                return EXPIRED;
            }
            if (reason == BasicReason.REVOKED) {
                return REVOKED;
            }
            if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                return REVOCATION_UNKNOWN;
            }
            return UNTRUSTED;
        }
        if (t instanceof CertPathBuilderException) {
            return UNTRUSTED;
        }
        return null;
    }

    private static HandshakeFailureReason ofJdkMessage(String message) {
        String alert = receivedAlert(message);
        if (alert != null) {
            return ALERTS_REFUSING_OUR_CERTIFICATE.contains(alert) ? REFUSED_BY_PEER
                    : ALERTS_ABOUT_THE_PROTOCOL.contains(alert) ? PROTOCOL : HANDSHAKE;
        }
        if (message == null) {
            return null;
        }
        if (message.startsWith("Unsupported or unrecognized SSL message")
                || message.startsWith("Unrecognized SSL message")) {
            return NOT_TLS;
        }
        if (message.startsWith("No appropriate protocol") || message.startsWith("The server selected protocol version")) {
            return PROTOCOL;
        }
        return null;
    }

    /** {@code failure} and its causes, outermost first, each once. */
    private static List<Throwable> causes(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && seen.put(t, Boolean.TRUE) == null;
                t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
