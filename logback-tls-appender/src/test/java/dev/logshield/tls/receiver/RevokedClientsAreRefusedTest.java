package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.Waits;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code <revocationList>}: a client whose certificate the CA's CRL lists is refused before a byte is read, counted
 * as {@code connections.rejected{reason=revoked}} and named in a warning with the serial and date; the others are
 * served; a new CRL written over the file revokes from the next connection on; a CRL in a trusted CA's name that its
 * key did not sign, or a file without a CRL, keeps the receiver stopped; a CRL of an issuer that is no trusted
 * certificate (it may be an intermediate's) is warned about.
 */
class RevokedClientsAreRefusedTest {

    private static final String NAME = "RevokedClientsAreRefusedTest";

    private final TestPki pki = SharedPki.get();
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private final TestMeters meters = cleanup.close(TestMeters.register());
    private LoggerContext context;

    @Test
    void aListedCertificateIsRefusedAndTheOthersAreServed() throws Exception {
        int port = start(pki.revocationList(NAME + "-client2.crl", pki.client("client2")));
        assertThat(XmlConfiguredContext.statuses(context, Status.INFO)).anySatisfy(s -> assertThat(s)
                .contains("revoked: 1 revoked by CN=LogShield Test CA"));
        assertThat(RawTlsClient.refuses(pki, pki.client("client2"), port,
                RawTlsClient.octetCounted("revoked", "must not arrive"), 30_000)).isTrue();
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(5),
                "reason", "revoked")).isEqualTo(1);
        String serial = pki.client("client2").certificateChain().get(0).getSerialNumber().toString(16);
        Statuses.awaitWarning(context, w -> w.contains("the client certificate CN=client2.test is revoked (serial "
                + serial + " revoked on ") && w.contains("by CN=LogShield Test CA (KEY_COMPROMISE))"), Duration.ofSeconds(5));
        try (RawTlsClient listedNowhere = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            listedNowhere.write(RawTlsClient.octetCounted("served", "client1 is not revoked"));
            assertThat(ReceiverContexts.received(context).await(1, Duration.ofSeconds(5)))
                    .extracting(e -> e.getFormattedMessage()).containsExactly("client1 is not revoked");
        }
    }

    @Test
    void aNewListWrittenOverTheFileRevokesFromTheNextConnectionOn() throws Exception {
        Path crl = pki.revocationList(NAME + "-rewritten.crl");
        int port = start(crl);
        try (RawTlsClient before = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            before.write(RawTlsClient.octetCounted("served", "before the new list"));
            ReceiverContexts.received(context).await("before the new list"::equals, Duration.ofSeconds(5));
        }
        pki.revocationList(NAME + "-rewritten.crl", pki.client("client1"));
        // the receiver looks at its files at most once a second, when a connection comes
        long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            refused = RawTlsClient.refuses(pki, pki.client("client1"), port,
                    RawTlsClient.octetCounted("refused", "after the new list"), 500);
        }
        assertThat(refused).as("client1 refused once the new list is read").isTrue();
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(5),
                "reason", "revoked")).isEqualTo(1);
        assertThat(XmlConfiguredContext.statuses(context, Status.INFO)).anySatisfy(s -> assertThat(s)
                .contains("MtlsReceiver: TLS material reloaded"));
    }

    @Test
    void aListInTheNameOfATrustedCaThatItsKeyDidNotSignKeepsTheReceiverStopped() {
        start(pki.forgedRevocationList(NAME + "-forged.crl", pki.ca(), pki.client("client1")));
        assertStoppedWith("the revocation list of CN=LogShield Test CA in " + pki.dir().resolve(NAME + "-forged.crl")
                + " is not signed by the trusted certificate of that name");
    }

    @Test
    void aListFromAnIssuerThatIsNoTrustedCertificateIsWarnedAbout() {
        start(pki.rogueRevocationList(NAME + "-rogue.crl", pki.client("client1")));
        assertThat(ReceiverContexts.startedReceiver(context).isStarted()).isTrue();
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w).contains(
                "the revocation list of CN=LogShield Rogue CA in " + pki.dir().resolve(NAME + "-rogue.crl")
                        + " is not issued by a trusted certificate",
                "used only for chains through a CA certificate of that name whose key verifies it"));
    }

    @Test
    void aFileWithoutAListKeepsTheReceiverStopped() {
        start(pki.caCert());
        assertStoppedWith("revocation list " + pki.caCert());
    }

    private int start(Path revocationList) {
        context = cleanup.stop(ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                "revocationList", revocationList.toString())));
        return ReceiverContexts.receiver(context).localPort();
    }

    private void assertStoppedWith(String error) {
        assertThat(ReceiverContexts.receiver(context).isStarted()).isFalse();
        assertThat(XmlConfiguredContext.errors(context)).anySatisfy(e -> assertThat(e)
                .startsWith("MtlsReceiver stays stopped: ").contains(error));
    }
}
