package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.RegisteredMeters;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client certificate renewed on disk (the files the appender was configured with now hold another certificate
 * and key, as cert-manager or certbot leave them) is the one presented at the next connection, without restarting
 * the application. rsyslog is the witness: before the swap it admits only the first name (client1.test), after its
 * restart only the second (client3.test); events logged on both sides of the swap arrive, and no handshake fails.
 */
class SwappedCertificateIsUsedAfterReconnectTest {

    @TempDir
    Path dir;

    @Test
    void theNewCertificateIsPresentedAfterTheCollectorRestarts() throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        TestIdentity first = pki.client("client1");
        TestIdentity second = pki.issueClient("client3", "client3.test");
        Path cert = dir.resolve("app-tls/client.crt");
        Path key = dir.resolve("app-tls/client.key");
        install(first, cert, key);

        try (RegisteredMeters meters = RegisteredMeters.register("swapped-certificate");
             RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.TCP_TLS, pki.caCert(),
                     pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", rsyslog.destination(), "clientCert", cert.toString(), "clientKey", key.toString(),
                    "caCert", pki.caCert().toString(), "registry", meters.name()));
            for (int i = 0; i < 100; i++) {
                context.getLogger("com.example.shop.Orders").info("before swap {}", i);
            }
            awaitReceived(rsyslog, "before swap", 100);

            install(second, cert, key);
            rsyslog.stop();
            rsyslog.permit(List.of("client3.test")).start();
            for (int i = 0; i < 100; i++) {
                context.getLogger("com.example.shop.Orders").info("after swap {}", i);
            }
            awaitReceived(rsyslog, "after swap", 100);
            context.stop();

            assertThat(count(rsyslog, "before swap")).isEqualTo(100);
            assertThat(count(rsyslog, "after swap")).isEqualTo(100);
            assertThat(meters.count("logshield.tls.handshake_failures")).isZero();
            assertThat(meters.count("logshield.tls.reconnects")).isEqualTo(2);
            // while rsyslog restarts, "cannot connect ... Connection refused" is the only error there may be
            assertThat(XmlConfiguredContext.errors(context)).allSatisfy(e -> assertThat(e).contains("cannot connect"));
            assertThat(XmlConfiguredContext.statuses(context, 0))
                    .anySatisfy(s -> assertThat(s).contains("TLS material reloaded", "client3.test"));
        }
    }

    /** Overwrites the files in place, certificate first, as a renewal tool does. */
    private static void install(TestIdentity identity, Path cert, Path key) throws IOException {
        Files.createDirectories(cert.getParent());
        Files.copy(identity.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(identity.key(), key, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitReceived(RsyslogPeer rsyslog, String text, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(rsyslog, text) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    private static long count(RsyslogPeer rsyslog, String text) {
        return rsyslog.received().lines().filter(line -> line.contains(text)).count();
    }
}
