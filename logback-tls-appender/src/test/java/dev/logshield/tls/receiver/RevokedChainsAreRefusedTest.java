package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receiver checks every certificate of a client's chain, not only the leaf, against the CRLs of
 * {@code <revocationList>} (the root's, which revokes intermediates, and the intermediate's, which revokes leaves):
 * a client whose leaf the intermediate's CRL lists, or whose intermediate the root's CRL lists, is refused during
 * the handshake, before a byte is read, counted as {@code connections.rejected{reason=revoked}} and named in a
 * warning with the revoked certificate, its serial and the CA that revoked it; unrevoked chains, through the
 * intermediate or straight from the root, are served, also with both CRLs in one file. An intermediate put among the
 * trusted certificates is no anchor: its CRL is verified at start, and the root's CRL still revokes it.
 */
class RevokedChainsAreRefusedTest {

    private static final String NAME = "RevokedChainsAreRefusedTest";

    private final TestPki pki = SharedPki.get();
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private final TestMeters meters = cleanup.close(TestMeters.register());
    private LoggerContext context;

    @Test
    void aLeafTheIntermediatesListRevokesIsRefused() throws Exception {
        TestIdentity revoked = pki.intermediateClient();
        int port = start(pki.revocationList(NAME + "-root-a.crl"),
                pki.intermediateRevocationList(NAME + "-intermediate-a.crl", revoked));

        assertRefused(revoked, port);
        String serial = revoked.certificate().getSerialNumber().toString(16);
        Statuses.awaitWarning(context, w -> w.contains("(revoked)") && w.contains("the client certificate"
                + " CN=via-intermediate.test is revoked (serial " + serial + " revoked on ")
                && w.contains(" by CN=LogShield Test Intermediate CA (KEY_COMPROMISE))"), Duration.ofSeconds(5));
        assertServed(pki.client("client1"), port, "client1 is served");
    }

    @Test
    void aChainThroughAnIntermediateTheRootsListRevokesIsRefused() throws Exception {
        TestIdentity client = pki.intermediateClient();
        int port = start(pki.revocationListRevokingTheIntermediate(NAME + "-root-b.crl"),
                pki.intermediateRevocationList(NAME + "-intermediate-b.crl"));

        assertRefused(client, port);
        String serial = pki.intermediateCa().getSerialNumber().toString(16);
        Statuses.awaitWarning(context, w -> w.contains("(revoked)") && w.contains("the client certificate"
                + " CN=via-intermediate.test chains to the CA certificate CN=LogShield Test Intermediate CA, which is"
                + " revoked (serial " + serial + " revoked on ") && w.contains(" by CN=LogShield Test CA (KEY_COMPROMISE))"),
                Duration.ofSeconds(5));
        assertServed(pki.client("client1"), port, "client1 is served");
    }

    @Test
    void anIntermediateAmongTheTrustedCertificatesIsStillRevokedByTheRootsList() throws Exception {
        Path bundle = pki.dir().resolve(NAME + "-root-and-intermediate.pem");
        Files.writeString(bundle, Files.readString(pki.caCert())
                + Files.readString(pki.intermediateCaCert()));
        context = cleanup.stop(ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                "caCert", bundle.toString(),
                "rootCrl", pki.revocationListRevokingTheIntermediate(NAME + "-root-d.crl").toString(),
                "intermediateCrl", pki.intermediateRevocationList(NAME + "-intermediate-d.crl").toString(),
                "softFail", "false")));
        int port = ReceiverContexts.startedReceiver(context).localPort();
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).as("the intermediate's list is verified at start")
                .noneSatisfy(w -> assertThat(w).contains("is not issued by a trusted certificate"));

        assertRefused(pki.intermediateClient(), port);
        Statuses.awaitWarning(context, w -> w.contains("(revoked)") && w.contains("chains to the CA certificate"
                + " CN=LogShield Test Intermediate CA, which is revoked"), Duration.ofSeconds(5));
        assertServed(pki.client("client1"), port, "client1 is served");
    }

    @Test
    void unrevokedChainsAreServedAlsoWithBothListsInOneFile() throws Exception {
        Path both = pki.dir().resolve(NAME + "-both.crl");
        Files.write(both, (Files.readString(pki.revocationList(NAME + "-root-c.crl", pki.client("client2")))
                + Files.readString(pki.intermediateRevocationList(NAME + "-intermediate-c.crl"))).getBytes());
        int port = start(both, both);

        assertServed(pki.intermediateClient(), port, "a chain through the intermediate is served");
        assertServed(pki.client("client1"), port, "a chain straight from the root is served");
        assertThat(meters.count("logshield.receiver.connections.rejected")).isZero();
        assertThat(XmlConfiguredContext.statuses(context, Status.INFO)).anySatisfy(s ->
                assertThat(s).contains("revoked: 1 revoked by CN=LogShield Test CA, 0 revoked by CN=LogShield Test"
                        + " Intermediate CA"));
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w).contains(
                "the revocation list of CN=LogShield Test Intermediate CA in " + both + " is not issued by a trusted"
                        + " certificate", "Add that intermediate CA's certificate to the trusted certificates"));
    }

    private int start(Path rootCrl, Path intermediateCrl) {
        context = cleanup.stop(ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                "rootCrl", rootCrl.toString(), "intermediateCrl", intermediateCrl.toString(), "softFail", "false")));
        return ReceiverContexts.startedReceiver(context).localPort();
    }

    private void assertRefused(TestIdentity client, int port) throws Exception {
        assertThat(RawTlsClient.refuses(pki, client, port, RawTlsClient.octetCounted("revoked", "must not arrive"),
                30_000)).isTrue();
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(5),
                "reason", "revoked")).isEqualTo(1);
    }

    private void assertServed(TestIdentity client, int port, String message) throws Exception {
        assertServed(context, pki, client, port, message);
    }

    /** {@code client} connects, sends {@code message} and the receiver of {@code context} logs it. */
    static void assertServed(LoggerContext context, TestPki pki, TestIdentity client, int port, String message)
            throws Exception {
        try (RawTlsClient served = RawTlsClient.connect(pki, client, port)) {
            served.write(RawTlsClient.octetCounted("served", message));
            assertThat(ReceiverContexts.received(context).await(message::equals, Duration.ofSeconds(5))
                    .getFormattedMessage()).isEqualTo(message);
        }
        assertThat(ReceiverContexts.received(context).events()).extracting(ILoggingEvent::getFormattedMessage)
                .doesNotContain("must not arrive");
    }
}
