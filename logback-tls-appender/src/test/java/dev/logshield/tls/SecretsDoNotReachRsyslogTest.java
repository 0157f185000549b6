package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.SecretEvents;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real rsyslog (GnuTLS driver, x509/name authorisation) writes to its file from {@code MtlsAppender} with the
 * default {@code Rfc5424Encoder} holds none of the secrets of an event that carries them in its message, a
 * placeholder argument, the MDC, a key-value pair and its exception chain: MSG and the {@code [mdc@32473 ...]}
 * structured data were redacted before they left the application; the benign text beside them arrives. Skipped when
 * rsyslog with the GnuTLS driver is not installed.
 */
class SecretsDoNotReachRsyslogTest {

    @TempDir
    Path dir;

    @Test
    void rsyslogsFileHoldsNoSecret() throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.TCP_TLS, pki.caCert(),
                pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "localhost:" + rsyslog.port(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            SecretEvents.log(context.getLogger("com.example.shop.Payments"));
            context.getLogger("com.example.shop.Payments").info("last event");
            long deadline = System.currentTimeMillis() + 60_000; // generous, for a busy machine
            while (!rsyslog.received().contains("last event") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            context.stop();

            String received = rsyslog.received();
            assertThat(received).contains("last event")
                    .doesNotContain(SecretEvents.secrets())
                    .contains(SecretEvents.benignText())
                    .contains("order 42: card [REDACTED:credit-card] paid by [REDACTED:email]")
                    // ']' is escaped in structured-data values (RFC 5424)
                    .contains("contact=\"call [REDACTED:email\\]\"", "order=\"order-42\"")
                    .contains("java.lang.RuntimeException: refund of card [REDACTED:credit-card] failed")
                    .contains("Suppressed: java.lang.IllegalArgumentException: cleanup used key [REDACTED:aws-access-key]")
                    .contains("Caused by: java.lang.IllegalStateException: ledger login failed for [REDACTED:email]");
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        }
    }
}
