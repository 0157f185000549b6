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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code <pin>} that does not match rsyslog's certificate keeps the appender from connecting even though the
 * chain is trusted: a status error names the configured pin and the server's, {@code handshake_failures{reason=pin}}
 * counts it and nothing is sent; the server's own pin connects and delivers.
 */
class PinnedCollectorTest {

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

    @Test
    void wrongPinRefusesToConnect() throws Exception {
        String wrongPin = pki.otherServer().spkiPin();
        try (RegisteredMeters meters = RegisteredMeters.register("wrong-pin")) {
            LoggerContext context = configure(wrongPin, meters);
            context.getLogger("com.example.shop.Orders").info("order 1 paid");
            long deadline = System.currentTimeMillis() + 20_000;
            while (meters.count("logshield.tls.handshake_failures") < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            List<String> errors = XmlConfiguredContext.errors(context);
            long sent = meters.count("logshield.tls.sent");
            context.stop();

            assertThat(errors).anySatisfy(e -> assertThat(e).contains("TLS refused (pin)", wrongPin,
                    pki.server().spkiPin()));
            assertThat(meters.countsBy("logshield.tls.handshake_failures", "reason")).containsOnlyKeys("pin");
            assertThat(sent).isZero();
            assertThat(meters.count("logshield.tls.reconnects")).isZero();
            assertThat(meters.count("logshield.tls.dropped", "reason", "undelivered-at-stop")).isEqualTo(1);
            assertThat(rsyslog.received()).isEmpty();
        }
    }

    @Test
    void rightPinConnectsAndDelivers() throws Exception {
        try (RegisteredMeters meters = RegisteredMeters.register("right-pin")) {
            LoggerContext context = configure(pki.server().spkiPin(), meters);
            for (int i = 0; i < 100; i++) {
                context.getLogger("com.example.shop.Orders").info("pinned order {} paid", i);
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (rsyslog.received().lines().filter(l -> l.contains("pinned order")).count() < 100
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            context.stop();

            assertThat(rsyslog.received().lines().filter(l -> l.contains("pinned order"))).hasSize(100);
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
            assertThat(meters.count("logshield.tls.handshake_failures")).isZero();
            assertThat(meters.count("logshield.tls.sent")).isEqualTo(100);
        }
    }

    private LoggerContext configure(String pin, RegisteredMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", rsyslog.destination(), "clientCert", pki.client("client1").cert().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                "pin", pin, "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }
}
