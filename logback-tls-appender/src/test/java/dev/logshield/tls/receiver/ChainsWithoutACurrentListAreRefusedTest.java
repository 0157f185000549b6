package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once {@code <revocationList>} is configured the receiver fails closed: a client chain through a CA that has no
 * current CRL among the lists (none at all, or one past its next update) is refused in the handshake, counted as
 * {@code connections.rejected{reason=revocation-unknown}} and named in a warning that says which CA's CRL to add or
 * renew, while chains whose CAs all have one are served. {@code <revocationSoftFail>true</revocationSoftFail>} serves
 * such chains instead, with a warning at start. A CRL in the intermediate's name that its key did not sign revokes
 * nothing: the JDK checks each CRL against the key of the CA it found in the chain.
 */
class ChainsWithoutACurrentListAreRefusedTest {

    private static final String NAME = "ChainsWithoutACurrentListAreRefusedTest";
    private static final String XML = "RevokedChainsAreRefusedTest";

    private final TestPki pki = SharedPki.get();
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private final TestMeters meters = cleanup.close(TestMeters.register());
    private LoggerContext context;

    @Test
    void aChainThroughACaWithoutAListIsRefused() throws Exception {
        Path rootOnly = pki.revocationList(NAME + "-root-only.crl");
        int port = start(rootOnly, rootOnly, false);

        assertRefused(pki.intermediateClient(), port);
        Statuses.awaitWarning(context, w -> w.contains("(revocation-unknown)") && w.contains("the client certificate"
                + " CN=via-intermediate.test is refused: the revocation status of CN=via-intermediate.test is unknown:"
                + " no revocation list of its CA CN=LogShield Test Intermediate CA is configured (" + rootOnly + ")")
                && w.contains("add that CA's CRL with <revocationList>"), Duration.ofSeconds(5));
        RevokedChainsAreRefusedTest.assertServed(context, pki, pki.client("client1"), port, "the root has a list");
    }

    @Test
    void softFailServesAChainThroughACaWithoutAList() throws Exception {
        Path rootOnly = pki.revocationList(NAME + "-soft.crl");
        int port = start(rootOnly, rootOnly, true);

        RevokedChainsAreRefusedTest.assertServed(context, pki, pki.intermediateClient(), port, "served under soft fail");
        assertThat(meters.count("logshield.receiver.connections.rejected")).isZero();
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w)
                .startsWith("MtlsReceiver: <revocationSoftFail> is true: a certificate whose CA has no current CRL"));
    }

    @Test
    void anExpiredListRefusesTheChainsOfItsCa() throws Exception {
        Path expired = pki.expiredIntermediateRevocationList(NAME + "-expired.crl");
        int port = start(pki.revocationList(NAME + "-root-e.crl"), expired, false);
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w).contains(
                "the revocation list of CN=LogShield Test Intermediate CA in " + expired + " was due for renewal on",
                "every certificate that CA issued is refused"));

        assertRefused(pki.intermediateClient(), port);
        Statuses.awaitWarning(context, w -> w.contains("(revocation-unknown)") && w.contains("the revocation list of"
                + " CN=LogShield Test Intermediate CA in " + expired + " expired on "), Duration.ofSeconds(5));
    }

    @Test
    void aListInTheIntermediatesNameThatItsKeyDidNotSignRevokesNothing() throws Exception {
        Path forged = pki.forgedRevocationList(NAME + "-forged.crl", pki.intermediateCa(), pki.intermediateClient());
        int port = start(pki.revocationList(NAME + "-root-f.crl"), forged, true);
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w).contains(
                "the revocation list of CN=LogShield Test Intermediate CA in " + forged
                        + " is not issued by a trusted certificate"));

        RevokedChainsAreRefusedTest.assertServed(context, pki, pki.intermediateClient(), port, "a forged list is no list");
        assertThat(meters.count("logshield.receiver.connections.rejected")).isZero();
    }

    private int start(Path rootCrl, Path intermediateCrl, boolean softFail) {
        context = cleanup.stop(ReceiverContexts.configure(XML, pki, Map.of("registry", meters.name(),
                "rootCrl", rootCrl.toString(), "intermediateCrl", intermediateCrl.toString(),
                "softFail", String.valueOf(softFail))));
        return ReceiverContexts.startedReceiver(context).localPort();
    }

    private void assertRefused(TestIdentity client, int port) throws Exception {
        assertThat(RawTlsClient.refuses(pki, client, port, RawTlsClient.octetCounted("unknown", "must not arrive"),
                30_000)).isTrue();
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(5),
                "reason", "revocation-unknown")).isEqualTo(1);
    }
}
