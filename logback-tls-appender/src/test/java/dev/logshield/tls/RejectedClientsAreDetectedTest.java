package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.RegisteredMeters;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that rsyslog refuses (a certificate from the right CA whose name is not in {@code permittedPeer}, or a
 * certificate from another CA) is told so by the appender, under TLS 1.3, where rsyslog rejects the certificate only
 * after the client has finished its handshake, and under TLS 1.2: a status error says the collector rejected the
 * client certificate, {@code logshield.tls.handshake_failures} counts it, nothing is counted as sent, rsyslog
 * writes nothing, and every event is accounted for (buffered, then dropped and counted at stop). rsyslog's GnuTLS
 * driver checks the client's name after its own handshake under both versions, so the appender sees a completed
 * handshake followed by a close: its post-handshake probe is what catches both.
 */
class RejectedClientsAreDetectedTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static RsyslogPeer rsyslog;

    @BeforeAll
    static void startRsyslog() throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        pki = TestPki.generate(dir.resolve("pki"));
        rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.TCP_TLS, pki.caCert(),
                pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start();
    }

    @AfterAll
    static void stopRsyslog() throws Exception {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"client2, TLSv1.3", "client2, TLSv1.2", "rogue, TLSv1.3", "rogue, TLSv1.2"})
    void rejectionIsReportedCountedAndNothingIsSent(String client, String protocol) throws Exception {
        int events = 50;
        try (RegisteredMeters meters = RegisteredMeters.register("rejected-" + client + "-" + protocol)) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", rsyslog.destination(), "clientCert", pki.client(client).cert().toString(),
                    "clientKey", pki.client(client).key().toString(), "caCert", pki.caCert().toString(),
                    "protocols", protocol, "registry", meters.name()));
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
            for (int i = 0; i < events; i++) {
                context.getLogger("com.example.shop.Orders").info("order {} paid", i);
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (meters.count("logshield.tls.handshake_failures") < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            List<String> errors = XmlConfiguredContext.errors(context);
            Map<String, Long> failures = meters.countsBy("logshield.tls.handshake_failures", "reason");
            long sent = meters.count("logshield.tls.sent");
            double buffered = meters.gauge("logshield.tls.queue.size");
            context.stop();
            Map<String, Long> dropped = meters.countsBy("logshield.tls.dropped", "reason");

            System.out.printf("%s over %s: errors %s, handshake failures %s, dropped %s%n", client, protocol, errors,
                    failures, dropped);
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("rejected our client certificate"));
            assertThat(failures).containsOnlyKeys("client-rejected");
            assertThat(failures.get("client-rejected")).isGreaterThanOrEqualTo(3);
            assertThat(sent).isZero();
            assertThat(meters.count("logshield.tls.reconnects")).isZero();
            assertThat(buffered).isEqualTo(events);
            assertThat(dropped).containsExactly(Map.entry("undelivered-at-stop", (long) events));
            assertThat(rsyslog.received()).isEmpty();
        }
    }
}
