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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events logged through logback.xml arrive in a real syslog-ng over mutual TLS one message each, byte for byte
 * (multi-byte UTF-8, messages larger than 64 KiB, a stream of several hundred KiB), when the appender's framing
 * matches the source: octet counting (the default) into {@code syslog(transport("tls"))}, newline framing into
 * {@code network(transport("tls"))}. README's syslog-ng configurations are these.
 */
class EventsArriveWholeInSyslogNgTest {

    private static final int EVENTS = 2_000;

    @TempDir
    Path dir;

    @BeforeEach
    void needsSyslogNg() {
        assumeTrue(SyslogNgPeer.available(), "syslog-ng is neither installed nor unpacked (.ci/run unpacks it)");
    }

    @Test
    void octetCountedEventsArriveWholeInTheSyslogSource() throws Exception {
        everyEventArrivesWhole(SyslogNgPeer.Source.SYSLOG_TLS, "octet-counting");
    }

    @Test
    void newlineFramedEventsArriveWholeInTheNetworkSource() throws Exception {
        everyEventArrivesWhole(SyslogNgPeer.Source.NETWORK_TLS, "newline");
    }

    private void everyEventArrivesWhole(SyslogNgPeer.Source source, String framing) throws Exception {
        TestPki pki = SharedPki.get();
        try (SyslogNgPeer syslogNg = SyslogNgPeer.prepare(dir.resolve("syslog-ng"), source, pki.caCert(),
                pki.server().cert(), pki.server().key()).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", syslogNg.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "framing", framing));
            List<String> sent = VariedMessages.of(EVENTS);
            try {
                sent.forEach(context.getLogger("com.example.shop.Orders")::info);
                List<String> received = syslogNg.awaitMessages(EVENTS, Duration.ofSeconds(60));

                assertThat(received).as("one message per event").hasSize(EVENTS);
                for (int i = 0; i < EVENTS; i++) {
                    // one by one: a failure names the first event that differs, not a few MiB of list
                    assertThat(received.get(i)).as("MSG of event %d", i).isEqualTo(sent.get(i));
                }
                List<String> raw = syslogNg.rawMessages();
                assertThat(raw).hasSize(EVENTS);
                for (int i = 0; i < EVENTS; i++) {
                    assertThat(raw.get(i)).as("event %d as received", i).startsWith("<166>1 ")
                            .contains(" app-host-1 shop 4242 - ").endsWith(" " + sent.get(i));
                }
                assertThat(XmlConfiguredContext.errors(context)).isEmpty();
            } finally {
                context.stop();
            }
        }
    }
}
