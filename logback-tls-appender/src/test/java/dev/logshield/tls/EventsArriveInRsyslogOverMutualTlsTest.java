package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.RsyslogPeer;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

/**
 * Events logged through logback.xml arrive in a real rsyslog (GnuTLS driver, x509/name authorisation) over TLS 1.3
 * and TLS 1.2, every one of them, with the RFC 5424 header fields and structured data parsed by rsyslog exactly as
 * sent, and a multi-line stack trace kept in one message.
 */
class EventsArriveInRsyslogOverMutualTlsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void everyEventArrivesParsed(String protocol) throws Exception {
        assumeTrue(RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (RsyslogPeer rsyslog = RsyslogPeer.prepare(dir.resolve("rsyslog"), RsyslogPeer.Input.TCP_TLS, pki.caCert(),
                pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "localhost:" + rsyslog.port(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "protocols", protocol));
            MDC.put("requestId", "req \"42\" ]x\\");
            try {
                for (int i = 0; i < 500; i++) {
                    context.getLogger("com.example.shop.Orders").info("order {} paid", i);
                }
                context.getLogger("com.example.shop.Orders").error("payment failed",
                        new IllegalStateException("card declined"));
            } finally {
                MDC.clear();
            }
            long deadline = System.currentTimeMillis() + 60_000; // generous, for a busy machine
            while (rsyslog.receivedJson().size() < 501 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            context.stop();

            List<String> json = rsyslog.receivedJson();
            assertThat(json).hasSize(501);
            assertThat(json.get(0)).contains("\"pri\":\"166\"", "\"hostname\":\"app-host-1\"", "\"app_name\":\"shop\"",
                    "\"procid\":\"4242\"", "\"msgid\":\"com.example.shop.Orders\"", "\"msg\":\"order 0 paid\"");
            assertThat(rsyslog.received()).contains("[mdc@32473 requestId=\"req \\\"42\\\" \\]x\\\\\"]");
            assertThat(json.get(499)).contains("\"msg\":\"order 499 paid\"");
            assertThat(json.get(500)).contains("\"pri\":\"163\"", "payment failed\\njava.lang.IllegalStateException: card declined\\n\\tat ");
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
            assertThat(XmlConfiguredContext.statuses(context, 0)).anyMatch(s -> s.contains("connected to") && s.contains(protocol));
        }
    }
}
