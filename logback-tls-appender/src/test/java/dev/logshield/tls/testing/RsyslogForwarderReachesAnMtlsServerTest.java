package dev.logshield.tls.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logshield.tls.testing.RsyslogForwarder.AuthMode;
import dev.logshield.tls.testing.RsyslogForwarder.Framing;
import dev.logshield.tls.testing.RsyslogForwarder.Options;
import dev.logshield.tls.testing.RsyslogForwarder.Template;
import dev.logshield.tls.testing.RsyslogForwarder.Transport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@link RsyslogForwarder} fixture does what receiver interoperability tests rely on: rsyslog connects to an
 * in-JVM mutual-TLS server with the client certificate, and every message sent to its plain input arrives, framed
 * and formatted as asked, in both framings; a server whose name is not permitted gets nothing (but gets it under
 * {@code x509/certvalid}); messages sent while the server is down arrive when it listens; and omrelp over TLS
 * reaches a real rsyslog RELP collector that admits only the client's name.
 */
class RsyslogForwarderReachesAnMtlsServerTest {

    private static final int N = 50;
    private static final long WAIT_MS = 20_000;

    @TempDir
    static Path shared;

    static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(shared.resolve("pki"));
    }

    @ParameterizedTest(name = "{0} framing, {1}")
    @CsvSource({"OCTET_COUNTED, SYSLOG_PROTOCOL_23", "TRADITIONAL, SYSLOG_PROTOCOL_23", "TRADITIONAL, FORWARD"})
    void everyMessageArrivesFromTheClientCertificate(Framing framing, Template template) throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        try (TlsTestServer server = TlsTestServer.builder(pki).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(server.port())
                     .framing(framing).template(template)).start()) {
            rsyslog.send(messages(0, N));

            List<String> received = awaitMessages(server, rsyslog, framing, N);

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                expected.add(template == Template.SYSLOG_PROTOCOL_23
                        ? "<134>1 2024-05-01T10:00:00Z host app 42 ID" + i + " - message " + i
                        : "<134>2024-05-01T10:00:00Z host app[42] message " + i);
            }
            assertThat(received).as(rsyslog.diagnostics()).isEqualTo(expected);
            if (framing == Framing.OCTET_COUNTED) {
                // byte for byte, the template's LF inside each counted frame
                assertThat(server.receivedText()).isEqualTo(expected.stream()
                        .map(m -> (m.length() + 1) + " " + m + "\n").collect(Collectors.joining()));
            }
            TlsTestServer.Connection connection = server.connections().get(0);
            assertThat(connection.accepted()).isTrue();
            assertThat(connection.peer()).isEqualTo("client1.test");
            assertThat(connection.protocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void aMultiLineMessageStaysWholeWhenOctetCounted() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        try (TlsTestServer server = TlsTestServer.builder(pki).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(server.port())).start()) {
            String trace = "<131>1 2024-05-01T10:00:00Z host app 42 ERR - payment failed\n"
                    + "java.lang.IllegalStateException: card declined\n\tat com.example.Shop.pay(Shop.java:42)";
            rsyslog.send(trace);

            assertThat(awaitMessages(server, rsyslog, Framing.OCTET_COUNTED, 1)).containsExactly(trace);
        }
    }

    @Test
    void tls12IsUsedWhenThePriorityStringAsksForIt() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        try (TlsTestServer server = TlsTestServer.builder(pki).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(server.port())
                     .gnutlsPriority("NORMAL:-VERS-ALL:+VERS-TLS1.2")).start()) {
            rsyslog.send(messages(0, 1));

            awaitMessages(server, rsyslog, Framing.OCTET_COUNTED, 1);
            assertThat(server.connections().get(0).protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void aServerWhoseNameIsNotPermittedGetsNothing() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        try (TlsTestServer server = TlsTestServer.builder(pki).identity(pki.otherServer()).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(server.port())).start()) {
            rsyslog.send(messages(0, N));

            await(() -> rsyslog.internalLog().contains("not permitted to talk to it"), "the name check to fail", rsyslog);
            // rsyslog checks the name after the handshake, and retries: the server completes handshakes, gets no byte
            await(() -> server.connections().size() >= 2, "a retry", rsyslog);
            assertThat(server.connections()).allMatch(TlsTestServer.Connection::accepted);
            assertThat(server.received()).as(rsyslog.diagnostics()).isEmpty();
            assertThat(rsyslog.internalLog()).contains("DNSname: other.test");
        }
    }

    @Test
    void certvalidAcceptsAnyNameTheCaVouchesFor() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        try (TlsTestServer server = TlsTestServer.builder(pki).identity(pki.otherServer()).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(server.port())
                     .authMode(AuthMode.CERT_VALID)).start()) {
            rsyslog.send(messages(0, N));

            assertThat(awaitMessages(server, rsyslog, Framing.OCTET_COUNTED, N)).hasSize(N);
            assertThat(server.connections().get(0).peer()).isEqualTo("client1.test");
        }
    }

    @Test
    void messagesSentWhileTheServerIsDownArriveWhenItListens() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        int port = freePort();
        try (RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(port)).start()) {
            rsyslog.send(messages(0, N));
            await(() -> rsyslog.internalLog().contains("suspended"), "the action to be suspended", rsyslog);

            try (TlsTestServer server = TlsTestServer.builder(pki).port(port).start()) {
                List<String> received = awaitMessages(server, rsyslog, Framing.OCTET_COUNTED, N);
                // at least once: the message whose delivery failed may come again after the others
                assertThat(new ArrayList<>(new LinkedHashSet<>(received))).isEqualTo(messages(0, N));
            }
        }
    }

    @Test
    void afterAServerRestartRsyslogReconnectsAndDeliversAgain() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.TCP_TLS), "rsyslog with the GnuTLS driver is not installed");
        try (TlsTestServer server = TlsTestServer.builder(pki).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(server.port())).start()) {
            rsyslog.send(messages(0, N));
            awaitMessages(server, rsyslog, Framing.OCTET_COUNTED, N);
            server.stop();
            server.restart();
            // rsyslog learns that its connection is gone only from a failed write: what it wrote before is lost
            rsyslog.keepSendingUntil("<134>1 2024-05-01T10:00:00Z host app 42 PROBE - probe",
                    () -> server.connections().size() >= 2, Duration.ofMillis(WAIT_MS));
            rsyslog.send(messages(N, 2 * N));

            await(() -> unframe(server.received(), Framing.OCTET_COUNTED).containsAll(messages(N, 2 * N)),
                    "the messages sent after the reconnection", rsyslog);
            assertThat(server.connections().get(1).peer()).isEqualTo("client1.test");
        }
    }

    @Test
    void relpOverTlsReachesAnRsyslogThatAdmitsOnlyTheClient() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.RELP_TLS), "rsyslog with omrelp over GnuTLS is not installed");
        try (RsyslogPeer collector = RsyslogPeer.prepare(dir.resolve("collector"), RsyslogPeer.Input.RELP_TLS,
                pki.caCert(), pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir.resolve("forwarder"), options(collector.port())
                     .transport(Transport.RELP_TLS)).start()) {
            rsyslog.send(messages(0, N));

            await(() -> collector.received().lines().count() >= N, N + " messages in the collector", rsyslog);
            assertThat(collector.received().lines()).as(rsyslog.diagnostics())
                    .containsExactlyElementsOf(messages(0, N));
        }
    }

    @Test
    void relpDeliversWhatWasSentWhileTheCollectorWasDown() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.RELP_TLS), "rsyslog with omrelp over GnuTLS is not installed");
        try (RsyslogPeer collector = RsyslogPeer.prepare(dir.resolve("collector"), RsyslogPeer.Input.RELP_TLS,
                pki.caCert(), pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir.resolve("forwarder"), options(collector.port())
                     .transport(Transport.RELP_TLS)).start()) {
            rsyslog.send(messages(0, N));
            await(() -> collector.received().lines().count() >= N, N + " messages in the collector", rsyslog);
            collector.stop();
            rsyslog.send(messages(N, 2 * N));
            collector.start();

            String nudge = "<135>1 2024-05-01T10:00:00Z host app 42 NUDGE - nudge";
            rsyslog.keepSendingUntil(nudge, () -> collector.received().lines().collect(Collectors.toSet())
                    .containsAll(messages(0, 2 * N)), Duration.ofMillis(WAIT_MS));
            assertThat(collector.received().lines().filter(line -> !line.equals(nudge)).distinct())
                    .as(rsyslog.diagnostics()).containsExactlyElementsOf(messages(0, 2 * N));
        }
    }

    @Test
    void relpToAServerWhoseNameIsNotPermittedDeliversNothing() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.RELP_TLS), "rsyslog with omrelp over GnuTLS is not installed");
        try (RsyslogPeer collector = RsyslogPeer.prepare(dir.resolve("collector"), RsyslogPeer.Input.RELP_TLS,
                pki.caCert(), pki.server().cert(), pki.server().traditionalKey(), List.of("client1.test"), false).start();
             RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir.resolve("forwarder"), options(collector.port())
                     .transport(Transport.RELP_TLS).permittedPeers("other.test")).start()) {
            rsyslog.send(messages(0, N));

            // librelp's spelling; omrelp then disables the action instead of retrying it
            await(() -> rsyslog.internalLog().contains("no permited name found"), "the name check to fail", rsyslog);
            assertThat(rsyslog.internalLog()).contains("DNSname: localhost");
            assertThat(collector.received()).as(rsyslog.diagnostics()).isEmpty();
        }
    }

    private static Options options(int port) {
        return Options.to("127.0.0.1", port).trust(pki.caCert()).identity(pki.client("client1"))
                .permittedPeers("localhost");
    }

    private static List<String> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> "<134>1 2024-05-01T10:00:00Z host app 42 ID" + i + " - message " + i)
                .collect(Collectors.toList());
    }

    /** Waits for {@code count} messages and returns them without framing (and without the trailing LF). */
    private static List<String> awaitMessages(TlsTestServer server, RsyslogForwarder rsyslog, Framing framing,
                                              int count) {
        await(() -> unframe(server.received(), framing).size() >= count, count + " messages at the server", rsyslog);
        return unframe(server.received(), framing);
    }

    /** Splits what arrived by the framing, independently of any receiver code. */
    private static List<String> unframe(byte[] bytes, Framing framing) {
        List<String> messages = new ArrayList<>();
        if (framing == Framing.TRADITIONAL) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int start = 0;
            for (int lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
                messages.add(text.substring(start, lf));
                start = lf + 1;
            }
            return messages;
        }
        int at = 0;
        while (at < bytes.length) {
            int space = at;
            while (space < bytes.length && bytes[space] != ' ') {
                space++;
            }
            if (space == bytes.length) {
                break; // an incomplete length
            }
            int length = Integer.parseInt(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
            if (space + 1 + length > bytes.length) {
                break; // an incomplete frame
            }
            String message = new String(bytes, space + 1, length, StandardCharsets.UTF_8);
            // rsyslog counts the template's trailing LF as part of the message
            messages.add(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
            at = space + 1 + length;
        }
        return messages;
    }

    private static void await(BooleanSupplier condition, String what, RsyslogForwarder rsyslog) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited " + WAIT_MS + " ms for " + what + "; " + rsyslog.diagnostics());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
