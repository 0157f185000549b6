package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.RelpCommand;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A RELP collector that answers {@code open} with 200 but does not grant the {@code syslog} command (or another
 * RELP version) has not opened a session this client can use: the attempt fails as
 * {@code handshake_failures{reason=relp-open}} with a status error saying why, and no event is sent into it
 * (RELP forbids commands the server did not grant).
 */
class RelpSessionNeedsTheSyslogCommandTest {

    @Test
    void anOpenAnswerWithoutSyslogIsRefused() {
        TestPki pki = SharedPki.get();
        AtomicInteger commandsAfterOpen = new AtomicInteger();
        ScriptedPeer.Script noSyslog = conversation -> {
            RelpCommand open = RelpCommand.read(conversation.in());
            OutputStream out = conversation.out();
            out.write(open.answer("200 OK\nrelp_version=0\nrelp_software=not-rsyslog\ncommands=other"));
            out.flush();
            while (true) {
                RelpCommand command = RelpCommand.read(conversation.in());
                if (command.command().equals("syslog")) {
                    commandsAfterOpen.incrementAndGet();
                }
                out.write(command.answer("200 OK"));
                out.flush();
            }
        };
        Set<Thread> before = MtlsThreads.alive();
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, noSyslog); TestMeters meters = TestMeters.register()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + peer.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            context.getLogger("app").info("must not be sent");
            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 2, Duration.ofSeconds(5), "reason", "relp-open"))
                    .as(meters.describe().toString()).isGreaterThanOrEqualTo(2);
            assertThat(Statuses.awaitError(context, "TLS refused (relp-open)", Duration.ofSeconds(1))).singleElement()
                    .asString().contains("does not grant the syslog command (commands=other)");
            assertThat(meters.count("logshield.tls.reconnects")).isZero();
            assertThat(meters.count("logshield.tls.sent")).isZero();
            assertThat(commandsAfterOpen).hasValue(0);
            context.stop();
            assertThat(meters.count("logshield.tls.dropped", "reason", "undelivered-at-stop")).isEqualTo(1);
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }
}
