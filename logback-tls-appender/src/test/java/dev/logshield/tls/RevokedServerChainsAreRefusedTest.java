package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The appender checks every certificate of the collector's chain against the CRLs of {@code <revocationList>}, the
 * root's (which revokes intermediates) and the intermediate's (which revokes leaves): a collector whose leaf the
 * intermediate's CRL lists, or whose intermediate the root's CRL lists, is refused with a status error naming the
 * revoked certificate, its serial and the CA that revoked it, counted as {@code handshake_failures{reason=revoked}},
 * and sent nothing. A chain through a CA without a CRL is refused ({@code revocation-unknown}) unless
 * {@code <revocationSoftFail>}; an unrevoked chain delivers; a CRL rewritten on disk revokes from the next connection
 * on. Hostname verification and pins still apply.
 */
class RevokedServerChainsAreRefusedTest {

    private static final String NAME = "RevokedServerChainsAreRefusedTest";

    private final TestPki pki = SharedPki.get();
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private final TestMeters meters = cleanup.close(TestMeters.register());
    private TlsTestServer server;
    private LoggerContext context;

    @Test
    void aServerLeafTheIntermediatesListRevokesIsRefused() {
        TestIdentity collector = pki.intermediateServer();
        start(collector, pki.revocationList(NAME + "-root-a.crl"),
                pki.intermediateRevocationList(NAME + "-intermediate-a.crl", collector), false, collector.spkiPin());

        String error = assertRefused("revoked");
        assertThat(error).contains("the server certificate CN=localhost is revoked (serial "
                + collector.certificate().getSerialNumber().toString(16) + " revoked on ",
                " by CN=LogShield Test Intermediate CA (KEY_COMPROMISE))");
    }

    @Test
    void aServerChainThroughAnIntermediateTheRootsListRevokesIsRefused() {
        TestIdentity collector = pki.intermediateServer();
        start(collector, pki.revocationListRevokingTheIntermediate(NAME + "-root-b.crl"),
                pki.intermediateRevocationList(NAME + "-intermediate-b.crl"), false, collector.spkiPin());

        String error = assertRefused("revoked");
        assertThat(error).contains("the server certificate CN=localhost chains to the CA certificate CN=LogShield Test"
                + " Intermediate CA, which is revoked (serial " + pki.intermediateCa().getSerialNumber().toString(16)
                + " revoked on ", " by CN=LogShield Test CA (KEY_COMPROMISE))");
    }

    @Test
    void anUnrevokedChainDelivers() {
        TestIdentity collector = pki.intermediateServer();
        start(collector, pki.revocationList(NAME + "-root-c.crl", pki.otherServer()),
                pki.intermediateRevocationList(NAME + "-intermediate-c.crl", pki.client("client2")), false,
                collector.spkiPin());

        assertDelivers();
    }

    @Test
    void aListWrittenOverTheFileRevokesFromTheNextConnectionOn() {
        TestIdentity collector = pki.intermediateServer();
        Path intermediateCrl = pki.intermediateRevocationList(NAME + "-intermediate-rewritten.crl");
        start(collector, pki.revocationList(NAME + "-root-rewritten.crl"), intermediateCrl, false, collector.spkiPin());
        assertDelivers();

        pki.intermediateRevocationList(NAME + "-intermediate-rewritten.crl", collector);
        server.dropConnections();
        context.getLogger("com.example.shop.Orders").info("order 2 paid");

        assertThat(meters.awaitCount("logshield.tls.handshake_failures", 1, Duration.ofSeconds(10), "reason", "revoked"))
                .isGreaterThanOrEqualTo(1);
        assertThat(XmlConfiguredContext.statuses(context, Status.INFO)).anySatisfy(s -> assertThat(s)
                .contains("[SHIP] TLS material reloaded"));
        assertThat(server.receivedText()).doesNotContain("order 2 paid");
    }

    @Test
    void aServerChainThroughACaWithoutAListIsRefused() {
        TestIdentity collector = pki.intermediateServer();
        Path rootOnly = pki.revocationList(NAME + "-root-d.crl");
        start(collector, rootOnly, rootOnly, false, collector.spkiPin());

        String error = assertRefused("revocation-unknown");
        assertThat(error).contains("the server certificate CN=localhost is refused: the revocation status of"
                + " CN=localhost is unknown: no revocation list of its CA CN=LogShield Test Intermediate CA is configured");
    }

    @Test
    void softFailDeliversOverAChainThroughACaWithoutAList() {
        TestIdentity collector = pki.intermediateServer();
        Path rootOnly = pki.revocationList(NAME + "-root-e.crl");
        start(collector, rootOnly, rootOnly, true, collector.spkiPin());

        assertDelivers();
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w)
                .contains("[SHIP] <revocationSoftFail> is true"));
    }

    @Test
    void hostnameVerificationStillApplies() {
        TestIdentity collector = pki.otherServer();
        start(collector, pki.revocationList(NAME + "-root-f.crl"), pki.intermediateRevocationList(NAME + "-inter-f.crl"),
                false, collector.spkiPin());

        assertRefused("hostname");
    }

    @Test
    void pinsStillApply() {
        TestIdentity collector = pki.intermediateServer();
        start(collector, pki.revocationList(NAME + "-root-g.crl"), pki.intermediateRevocationList(NAME + "-inter-g.crl"),
                false, pki.server().spkiPin());

        assertThat(assertRefused("pin")).contains(collector.spkiPin());
    }

    private void start(TestIdentity collector, Path rootCrl, Path intermediateCrl, boolean softFail, String pin) {
        server = cleanup.close(TlsTestServer.builder(pki).identity(collector).start());
        Map<String, String> properties = new HashMap<>();
        properties.put("destination", "127.0.0.1:" + server.port());
        properties.put("clientCert", pki.client("client1").chain().toString());
        properties.put("clientKey", pki.client("client1").key().toString());
        properties.put("caCert", pki.caCert().toString());
        properties.put("rootCrl", rootCrl.toString());
        properties.put("intermediateCrl", intermediateCrl.toString());
        properties.put("softFail", String.valueOf(softFail));
        properties.put("pin", pin);
        properties.put("registry", meters.name());
        context = cleanup.stop(XmlConfiguredContext.configure(NAME, properties));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).as("errors: %s", XmlConfiguredContext.errors(context))
                .isTrue();
        context.getLogger("com.example.shop.Orders").info("order 1 paid");
    }

    /** The status error of the refusal, after two refused handshakes; nothing was sent. */
    private String assertRefused(String reason) {
        assertThat(meters.awaitCount("logshield.tls.handshake_failures", 2, Duration.ofSeconds(10), "reason", reason))
                .as(meters.describe().toString()).isGreaterThanOrEqualTo(2);
        String refused = "TLS refused (" + reason + ") to 127.0.0.1:" + server.port();
        String error = Statuses.awaitError(context, refused, Duration.ofSeconds(5)).stream()
                .filter(e -> e.contains(refused)).findFirst().orElseThrow();
        assertThat(meters.countsBy("logshield.tls.handshake_failures", "reason")).containsOnlyKeys(reason);
        assertThat(meters.count("logshield.tls.sent")).isZero();
        assertThat(server.receivedText()).isEmpty();
        return error;
    }

    private void assertDelivers() {
        server.awaitReceived("order 1 paid", Duration.ofSeconds(10));
        assertThat(meters.count("logshield.tls.handshake_failures")).isZero();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
    }
}
