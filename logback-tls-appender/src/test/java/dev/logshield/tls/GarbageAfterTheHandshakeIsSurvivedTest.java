package dev.logshield.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.RelpCommand;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A collector that completes the TLS handshake and then sends garbage does not break the appender. On a syslog
 * stream (octet counting), where the collector has nothing to say, what it says is ignored and delivery goes on over
 * the same connection. Under RELP, garbage is a protocol error: in answer to {@code open} it fails the attempt
 * (counted as {@code handshake_failures{reason=relp-open}}), in the middle of a session it drops the connection;
 * either way the sender reconnects and re-sends every event not yet acknowledged, so every event is acknowledged
 * exactly once in the end.
 */
class GarbageAfterTheHandshakeIsSurvivedTest {

    private static final byte[] GARBAGE = "\u0000\u00ffHTTP/1.1 200 OK\r\n\r\n{\"not\":\"syslog\"}\n".getBytes(US_ASCII);
    /** rsyslog's answer to open, without its frame. */
    private static final String OPEN_OK = "200 OK\nrelp_version=0\n"
            + "relp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog";

    private final TestPki pki = SharedPki.get();

    @Test
    void aSyslogStreamIgnoresWhatTheCollectorSays() {
        ScriptedPeer.Script garbageThenRead = conversation -> {
            conversation.out().write(GARBAGE);
            conversation.out().flush();
            conversation.readAll();
        };
        Set<Thread> before = MtlsThreads.alive();
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, garbageThenRead); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(peer, "octet-counting", meters);
            for (int i = 0; i < 50; i++) {
                context.getLogger("app").info("event <{}>", i);
            }
            peer.awaitReceived("event <49>", Duration.ofSeconds(5));
            for (int i = 0; i < 50; i++) {
                context.getLogger("app").info("later <{}>", i);
            }
            peer.awaitReceived("later <49>", Duration.ofSeconds(5));
            assertThat(peer.accepted()).as("one connection, never dropped").isEqualTo(1);
            assertThat(meters.count("logshield.tls.reconnects")).isEqualTo(1);
            assertThat(meters.count("logshield.tls.sent")).isEqualTo(100);
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    @Test
    void relpGarbageIsAProtocolErrorAndTheSenderReconnectsAndResends() {
        // connection 0: garbage in answer to open; 1: acknowledges 5 events, then garbage; 2 and later: a good collector
        ScriptedPeer.Script relp = conversation -> {
            InputStream in = conversation.in();
            OutputStream out = conversation.out();
            RelpCommand open = RelpCommand.read(in);
            assertThat(open.command()).isEqualTo("open");
            if (conversation.index() == 0) {
                out.write(GARBAGE);
                out.flush();
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            out.write(open.answer(OPEN_OK));
            out.flush();
            for (int acked = 0; ; acked++) {
                RelpCommand command = RelpCommand.read(in);
                if (!command.command().equals("syslog")) {
                    out.write(command.answer("200 OK"));
                    out.write("0 serverclose 0\n".getBytes(US_ASCII));
                    out.flush();
                    return;
                }
                if (conversation.index() == 1 && acked == 5) {
                    out.write(GARBAGE);
                    out.flush();
                    in.transferTo(OutputStream.nullOutputStream());
                    return;
                }
                byte[] event = command.data();
                conversation.record(event, 0, event.length);
                out.write(command.answer("200 OK"));
                out.flush();
            }
        };
        Set<Thread> before = MtlsThreads.alive();
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, relp); TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(peer, "relp", meters);
            for (int i = 0; i < 20; i++) {
                context.getLogger("app").info("event <{}>", i);
            }
            assertThat(meters.awaitCount("logshield.tls.acknowledged", 20, Duration.ofSeconds(10)))
                    .as(meters.describe().toString()).isEqualTo(20);
            String acknowledged = peer.receivedText();
            for (int i = 0; i < 20; i++) {
                assertThat(acknowledged.split("event <" + i + ">", -1)).as("event " + i + " acknowledged once").hasSize(2);
            }
            assertThat(peer.accepted()).isGreaterThanOrEqualTo(3);
            assertThat(meters.count("logshield.tls.handshake_failures", "reason", "relp-open")).isEqualTo(1);
            assertThat(meters.count("logshield.tls.reconnects")).isEqualTo(2);
            assertThat(meters.count("logshield.tls.replayed")).as("re-sent after the mid-session garbage").isEqualTo(15);
            assertThat(XmlConfiguredContext.errors(context)).singleElement().asString()
                    .contains("TLS refused (relp-open)", "RELP protocol error");
            assertThat(XmlConfiguredContext.statuses(context, 0)).anySatisfy(s -> assertThat(s)
                    .contains("disconnected from 127.0.0.1:" + peer.port(), "RELP protocol error"));
            context.stop();
            assertThat(meters.count("logshield.tls.dropped")).isZero();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    private LoggerContext configure(ScriptedPeer peer, String framing, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "127.0.0.1:" + peer.port(), "framing", framing,
                "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                "caCert", pki.caCert().toString(), "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }
}
