package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HandshakeFailureReason} decides by the types of the cause chain and by the exact form of a received alert,
 * never by words found somewhere in the messages: the chains below are the shapes the JDK and our trust managers
 * throw (the real handshakes are in {@code HandshakeFailuresAreToldApartByTypeTest}).
 */
class HandshakeFailureReasonsComeFromTypesNotWordsTest {

    @Test
    void validityFailuresAreExpiredWhateverTheMessageSays() {
        assertThat(HandshakeFailureReason.of(refused(new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: ..."), null, -1, BasicReason.EXPIRED))))
                .isEqualTo(HandshakeFailureReason.EXPIRED);
        assertThat(HandshakeFailureReason.of(refused(new CertPathValidatorException("validity check failed",
                new CertificateNotYetValidException("NotBefore: ..."), null, -1, BasicReason.NOT_YET_VALID))))
                .isEqualTo(HandshakeFailureReason.EXPIRED);
        assertThat(HandshakeFailureReason.of(handshake("x", new CertificateExpiredException("y"))))
                .isEqualTo(HandshakeFailureReason.EXPIRED);
    }

    @Test
    void revocationReasonsAreTheirOwn() {
        assertThat(HandshakeFailureReason.of(refused(new CertPathValidatorException("revoked", null, null, -1,
                BasicReason.REVOKED)))).isEqualTo(HandshakeFailureReason.REVOKED);
        assertThat(HandshakeFailureReason.of(refused(new CertPathValidatorException("unknown", null, null, -1,
                BasicReason.UNDETERMINED_REVOCATION_STATUS)))).isEqualTo(HandshakeFailureReason.REVOCATION_UNKNOWN);
    }

    @Test
    void otherValidationFailuresAndAnyRefusedCertificateAreUntrusted() {
        assertThat(HandshakeFailureReason.of(refused(new CertPathValidatorException("signature check failed", null,
                null, -1, BasicReason.INVALID_SIGNATURE)))).isEqualTo(HandshakeFailureReason.UNTRUSTED);
        assertThat(HandshakeFailureReason.of(refused(new CertPathBuilderException(
                "unable to find valid certification path to requested target")))).isEqualTo(HandshakeFailureReason.UNTRUSTED);
        // a plain refusal naming a host that holds "pin": only our typed exceptions say hostname or pin
        assertThat(HandshakeFailureReason.of(handshake("No subject alternative DNS name matching"
                + " shipping-logs.example found.", new CertificateException("No subject alternative DNS name matching"
                + " shipping-logs.example found.")))).isEqualTo(HandshakeFailureReason.UNTRUSTED);
    }

    @Test
    void ourTrustManagersRefusalsAreToldByType() {
        CertificateException jdk = new CertificateException("No subject alternative DNS name matching logs found.");
        assertThat(HandshakeFailureReason.of(handshake("x", new HostnameMismatchException(jdk))))
                .isEqualTo(HandshakeFailureReason.HOSTNAME);
        assertThat(HandshakeFailureReason.of(handshake("x", new PinMismatchException("expired pin"))))
                .isEqualTo(HandshakeFailureReason.PIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_certificate", "unsupported_certificate", "certificate_revoked", "certificate_expired",
        "certificate_unknown", "unknown_ca", "access_denied", "certificate_required", "decrypt_error"})
    void alertsAboutOurCertificateAreClientRejected(String alert) {
        assertThat(HandshakeFailureReason.of(new SSLHandshakeException("Received fatal alert: " + alert)))
                .isEqualTo(HandshakeFailureReason.REFUSED_BY_PEER);
    }

    @Test
    void onlyTheReceivedAlertsNameCounts() {
        assertThat(HandshakeFailureReason.of(new SSLHandshakeException("Received fatal alert: protocol_version")))
                .isEqualTo(HandshakeFailureReason.PROTOCOL);
        assertThat(HandshakeFailureReason.of(new SSLHandshakeException("Received fatal alert: handshake_failure")))
                .isEqualTo(HandshakeFailureReason.HANDSHAKE);
        assertThat(HandshakeFailureReason.of(new SSLException("the peer mentioned bad_certificate and protocol_version")))
                .isEqualTo(HandshakeFailureReason.HANDSHAKE);
        assertThat(HandshakeFailureReason.of(new SSLException("Received fatal alert: bad_certificate_pinned")))
                .isEqualTo(HandshakeFailureReason.HANDSHAKE);
        assertThat(HandshakeFailureReason.receivedAlert("Received fatal alert: unknown_ca")).isEqualTo("unknown_ca");
        assertThat(HandshakeFailureReason.receivedAlert("we Received fatal alert: unknown_ca")).isNull();
    }

    @Test
    void theJdksUntypedErrorsAreMatchedByTheirExactStart() {
        assertThat(HandshakeFailureReason.of(new SSLException("Unsupported or unrecognized SSL message")))
                .isEqualTo(HandshakeFailureReason.NOT_TLS);
        assertThat(HandshakeFailureReason.of(new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")))
                .isEqualTo(HandshakeFailureReason.PROTOCOL);
        assertThat(HandshakeFailureReason.of(new SSLHandshakeException("The server selected protocol version TLS11 is"
                + " not accepted by client preferences [TLS13, TLS12]"))).isEqualTo(HandshakeFailureReason.PROTOCOL);
        assertThat(HandshakeFailureReason.of(new SSLException("a message that is not supported, expired, pinned")))
                .isEqualTo(HandshakeFailureReason.HANDSHAKE);
    }

    @Test
    void aCyclicCauseChainEnds() {
        SSLException outer = new SSLException("outer");
        SSLException inner = new SSLException("inner", outer);
        outer.initCause(inner);

        assertThat(HandshakeFailureReason.of(outer)).isEqualTo(HandshakeFailureReason.HANDSHAKE);
    }

    @Test
    void theTagsAreTheDocumentedReasons() {
        assertThat(HandshakeFailureReason.values()).extracting(HandshakeFailureReason::tag).containsExactly("expired",
                "untrusted-server", "revoked", "revocation-unknown", "hostname", "pin", "client-rejected", "protocol",
                "not-tls", "handshake");
    }

    /** The JDK's shape: the handshake failure, caused by a trust manager's refusal, caused by the validator's. */
    private static SSLHandshakeException refused(Exception validation) {
        return handshake("PKIX path validation failed: " + validation,
                new CertificateException("PKIX path validation failed: " + validation, validation));
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        failure.initCause(cause);
        return failure;
    }
}
