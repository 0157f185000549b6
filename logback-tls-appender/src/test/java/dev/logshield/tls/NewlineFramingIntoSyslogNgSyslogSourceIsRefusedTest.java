package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.SyslogNgPeer;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.VariedMessages;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why README pairs syslog-ng's {@code syslog(transport("tls"))} source with the default octet counting: over TLS it
 * reads RFC 5425 frames only, so a newline-framed event ({@code <166>1 ...}, no length first) is an "Invalid frame
 * header" and the connection is closed. Nothing arrives; the appender sees only the collector closing the connection
 * and loses what it had written (at most once by default).
 */
class NewlineFramingIntoSyslogNgSyslogSourceIsRefusedTest {

    @TempDir
    Path dir;

    @Test
    void newlineFramedEventsAreRefusedByTheSyslogSource() throws Exception {
        assumeTrue(SyslogNgPeer.available(), "syslog-ng is neither installed nor unpacked (.ci/run unpacks it)");
        TestPki pki = SharedPki.get();
        try (SyslogNgPeer syslogNg = SyslogNgPeer.prepare(dir.resolve("syslog-ng"), SyslogNgPeer.Source.SYSLOG_TLS,
                pki.caCert(), pki.server().cert(), pki.server().key()).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", syslogNg.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            try {
                VariedMessages.of(100).forEach(context.getLogger("com.example.shop.Orders")::info);

                syslogNg.awaitLogContaining("Invalid frame header", Duration.ofSeconds(30));
                // every connection starts with '<', never with a length: no event can ever arrive
                assertThat(syslogNg.messages()).isEmpty();
            } finally {
                context.stop();
            }
            assertThat(syslogNg.messages()).isEmpty();
        }
    }
}
