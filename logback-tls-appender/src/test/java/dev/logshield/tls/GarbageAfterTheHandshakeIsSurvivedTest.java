package dev.logshield.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
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
    private static final String OPEN_OK = "1 rsp 93 200 OK\nrelp_version=0\n"
            + "relp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog\n";

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
            Frame open = Frame.read(in);
            assertThat(open.command).isEqualTo("open");
            if (conversation.index() == 0) {
                out.write(GARBAGE);
                out.flush();
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            out.write(OPEN_OK.replaceFirst("^1 ", open.txnr + " ").getBytes(US_ASCII));
            out.flush();
            for (int acked = 0; ; acked++) {
                Frame frame = Frame.read(in);
                if (!frame.command.equals("syslog")) {
                    out.write((frame.txnr + " rsp 6 200 OK\n0 serverclose 0\n").getBytes(US_ASCII));
                    out.flush();
                    return;
                }
                if (conversation.index() == 1 && acked == 5) {
                    out.write(GARBAGE);
                    out.flush();
                    in.transferTo(OutputStream.nullOutputStream());
                    return;
                }
                conversation.record(frame.data, 0, frame.data.length);
                out.write((frame.txnr + " rsp 6 200 OK\n").getBytes(US_ASCII));
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

    /** One RELP command frame from a client: {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}. */
    private static final class Frame {
        final int txnr;
        final String command;
        final byte[] data;

        private Frame(int txnr, String command, byte[] data) {
            this.txnr = txnr;
            this.command = command;
            this.data = data;
        }

        static Frame read(InputStream in) throws IOException {
            int txnr = Integer.parseInt(token(in, ' '));
            String command = token(in, ' ');
            ByteArrayOutputStream length = new ByteArrayOutputStream();
            int b;
            while ((b = next(in)) != ' ' && b != '\n') {
                length.write(b);
            }
            int n = Integer.parseInt(length.toString(US_ASCII));
            byte[] data = n == 0 ? new byte[0] : in.readNBytes(n);
            if (n > 0 && next(in) != '\n') {
                throw new IOException("no LF after the data of " + command);
            }
            return new Frame(txnr, command, data);
        }

        private static String token(InputStream in, int end) throws IOException {
            StringBuilder token = new StringBuilder();
            for (int b = next(in); b != end; b = next(in)) {
                token.append((char) b);
            }
            return token.toString();
        }

        private static int next(InputStream in) throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }
    }
}
