package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.delivery.Destination;
import dev.logshield.tls.delivery.PeerRejectedException;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each way a collector's handshake fails gets its own {@code handshake_failures} reason, decided by the exception's
 * type and the certificate checks rather than by words in the JDK's message: real handshakes through the appender's
 * {@link TlsTransportFactory} against in-JVM servers with certificates generated here. An expired or not-yet-valid
 * server certificate is {@code expired} (not {@code untrusted-server}, although the JDK says "PKIX path validation
 * failed"); a host-name mismatch is {@code hostname} even when the name holds "pin". The other reasons are proven
 * where their feature is: {@code revoked} and {@code revocation-unknown} in {@link RevokedServerChainsAreRefusedTest},
 * {@code not-tls} in {@link PeersThatDoNotSpeakTlsAreRefusedTest}, {@code protocol} against a TLSv1-only collector in
 * {@link LegacyTlsServerIsRefusedTest}.
 */
class HandshakeFailuresAreToldApartByTypeTest {

    private static final String NAME = "HandshakeFailuresAreToldApartByTypeTest";

    private final TestPki pki = SharedPki.get();
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private TlsTestServer server;
    private LoggerContext context;

    @Test
    void anExpiredServerCertificateIsExpired() throws Exception {
        Instant now = Instant.now();
        server = cleanup.close(TlsTestServer.builder(pki).identity(pki.issueServer(NAME + "-expired",
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))).start());

        assertThat(refusal("localhost", settings().build())).isEqualTo("expired");
    }

    @Test
    void anExpiredServerCertificateIsCountedAndReportedAsExpired() {
        Instant now = Instant.now();
        TestIdentity expired = pki.issueServer(NAME + "-expired-shipped", now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));
        server = cleanup.close(TlsTestServer.builder(pki).identity(expired).start());
        try (TestMeters meters = TestMeters.register()) {
            context = cleanup.stop(XmlConfiguredContext.configure(NAME, Map.of(
                    "destination", "localhost:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name())));
            context.getLogger("app").info("must not reach a collector with an expired certificate");

            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 2, Duration.ofSeconds(10), "reason", "expired"))
                    .as(meters.describe().toString()).isGreaterThanOrEqualTo(2);
            assertThat(meters.countsBy("logshield.tls.handshake_failures", "reason")).containsOnlyKeys("expired");
            assertThat(Statuses.awaitError(context, "TLS refused (expired) to localhost:" + server.port(),
                    Duration.ofSeconds(5))).anySatisfy(e -> assertThat(e).contains("validity check failed"));
            assertThat(server.receivedText()).isEmpty();
        }
    }

    @Test
    void aServerCertificateNotYetValidIsExpired() throws Exception {
        Instant now = Instant.now();
        server = cleanup.close(TlsTestServer.builder(pki).identity(pki.issueServer(NAME + "-not-yet-valid",
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))).start());

        assertThat(refusal("localhost", settings().build())).isEqualTo("expired");
    }

    @Test
    void aServerOfAnotherCaIsUntrusted() throws Exception {
        server = cleanup.close(TlsTestServer.builder(pki).identity(pki.rogueServer()).start());

        assertThat(refusal("localhost", settings().build())).isEqualTo("untrusted-server");
    }

    @Test
    void aHostNameMismatchIsHostnameEvenWhenTheNameHoldsPin() throws Exception {
        server = cleanup.close(TlsTestServer.builder(pki).start());

        PeerRejectedException refused = refused("shipping-logs.example", settings().build());

        assertThat(refused.reason()).isEqualTo("hostname");
        assertThat(refused).hasMessageContaining("shipping-logs.example");
    }

    @Test
    void anExpiredCertificateAskedForByAnotherNameIsExpiredNotHostname() throws Exception {
        Instant now = Instant.now();
        server = cleanup.close(TlsTestServer.builder(pki).identity(pki.issueServer(NAME + "-expired-other-name",
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))).start());

        assertThat(refusal("shipping-logs.example", settings().build())).isEqualTo("expired");
    }

    @Test
    void aKeyOffThePinsIsPin() throws Exception {
        server = cleanup.close(TlsTestServer.builder(pki).start());

        PeerRejectedException refused = refused("localhost", settings().pins(pki.otherServer().spkiPin()).build());

        assertThat(refused.reason()).isEqualTo("pin");
        assertThat(refused).hasMessageContaining(pki.server().spkiPin());
    }

    @Test
    void aCollectorRefusingOurCertificateDuringTheHandshakeIsClientRejected() throws Exception {
        // under TLS 1.2 the server's refusal is an alert during the handshake (under 1.3, after it: see the probe)
        try (ScriptedPeer collector = ScriptedPeer.plain(ScriptedPeer.handshakeTrusting(pki, pki.intermediateCa(),
                "TLSv1.2"))) {
            PeerRejectedException refused = refused("localhost", collector.port(), settings().build());

            assertThat(refused.reason()).isEqualTo("client-rejected");
            assertThat(refused).hasMessageContaining("Received fatal alert: certificate_unknown");
        }
    }

    @Test
    void noProtocolVersionInCommonIsProtocol() throws Exception {
        server = cleanup.close(TlsTestServer.builder(pki).protocols("TLSv1.2").start());

        assertThat(refusal("localhost", settings().protocols("TLSv1.3").build())).isEqualTo("protocol");
    }

    private TlsClientSettings.Builder settings() {
        return TlsClientSettings.builder().certificate(pki.client("client1").chain())
                .privateKey(pki.client("client1").key()).trustedCertificates(pki.caCert());
    }

    private String refusal(String host, TlsClientSettings settings) throws TlsConfigException {
        return refused(host, server.port(), settings).reason();
    }

    private PeerRejectedException refused(String host, TlsClientSettings settings) throws TlsConfigException {
        return refused(host, server.port(), settings);
    }

    /** Opens a connection to {@code port}, asked for as {@code host} but reached on the loopback address. */
    private static PeerRejectedException refused(String host, int port, TlsClientSettings settings)
            throws TlsConfigException {
        SSLContext tls = TlsContextFactory.create(settings);
        TlsTransportFactory transports = new TlsTransportFactory(() -> tls, settings, 5_000, 10_000, 1_000);
        PeerRejectedException refused = catchThrowableOfType(() -> transports.open(new Destination(host, port),
                InetAddress.getLoopbackAddress()).close(), PeerRejectedException.class);
        assertThat(refused).as("the handshake with %s must fail", host).isNotNull();
        return refused;
    }
}
