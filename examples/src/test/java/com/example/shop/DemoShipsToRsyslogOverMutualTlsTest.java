package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo application in its own JVM with {@code LOGSHIELD_COLLECTOR} set: its logback.xml then ships every
 * event to a real rsyslog over mutual TLS with RELP, as RFC 5424 syslog whose message is redacted. Skipped when
 * rsyslog with RELP is not installed ({@code .ci/run} installs it).
 */
class DemoShipsToRsyslogOverMutualTlsTest {

    @TempDir
    Path tmp;

    @Test
    void everyEventArrivesRedacted() throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.RELP_TLS), "rsyslog with RELP is not installed");
        TestPki pki = TestPki.generate(tmp.resolve("pki"));
        Path tls = Files.createDirectories(tmp.resolve("tls"));
        Files.copy(pki.client("client1").chain(), tls.resolve("client.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.client("client1").key(), tls.resolve("client.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.caCert(), tls.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(tmp.resolve("rsyslog"), RsyslogPeer.Input.RELP_TLS, pki.caCert(),
                pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), true).start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ShopApplication.class.getName()).redirectErrorStream(true);
            builder.environment().put("LOGSHIELD_DEMO_DIR", tmp.resolve("logs").toString());
            builder.environment().put("LOGSHIELD_COLLECTOR", "localhost:" + rsyslog.port());
            builder.environment().put("LOGSHIELD_TLS_DIR", tls.toString());
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).doesNotContain("ERROR in dev.logshield.tls");

            String received = rsyslog.received();
            assertThat(received).as(out + "\n--- rsyslog:\n" + rsyslog.internalLog()).contains("Application started on port 8443", "Shutting down cleanly, 12 orders processed",
                    "[REDACTED:credit-card]", "password=[REDACTED:secret]", "[logshield@32473 seq=");
            for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                    "tok-1234567890abcdef", "S3cr3tPa55", "AKIAIOSFODNN7EXAMPLE", "s3ss10n", "203.0.113.42"}) {
                assertThat(received).as("shipped " + secret).doesNotContain(secret);
            }
        }
    }
}
