package dev.logshield.tls.receiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.cli.Logcrypt;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.tls.receiver.RawTlsClient;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with flags instead of a configuration file: the receiver listens, authorises the listed client,
 * writes what our appender sends over RELP to the chosen output (a plain file, or an encrypted file for a
 * recipient that {@code logcrypt decrypt} reads back), and the command returns 0 once stopped.
 */
class ServeRunsTheReceiverFromFlagsTest {

    private static final int EVENTS = 200;

    @TempDir
    Path dir;

    @Test
    void eventsFromTheAppenderReachThePlainOutputFileWithTheClientName() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        Path output = dir.resolve("received.log");

        String console = serveAndShip(pki, List.of("--output", output.toString()));

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(EVENTS);
        assertThat(lines.get(0)).contains("INFO ", "[client1.test]", "com.example.shop.Orders", "order 0 paid");
        assertThat(lines.get(EVENTS - 1)).contains("order " + (EVENTS - 1) + " paid");
        assertThat(console).contains("listening");
    }

    @Test
    void withARecipientTheOutputIsEncryptedAndDecryptsToTheEvents() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(new SecureRandom()));
        Path identityFile = Files.writeString(dir.resolve("reader.key"), identity.encode() + "\n");
        Path output = dir.resolve("vault").resolve("received.lse");

        serveAndShip(pki, List.of("--output", output.toString(), "--recipient",
                identity.recipient().recipient()));

        assertThat(Files.readString(output, StandardCharsets.ISO_8859_1)).doesNotContain("order 0 paid");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int code = Logcrypt.run(new String[] {"decrypt", "-i", identityFile.toString(), output.toString()},
                new PrintStream(plain, true, StandardCharsets.UTF_8), new PrintStream(report, true,
                        StandardCharsets.UTF_8));
        assertThat(code).as(report.toString(StandardCharsets.UTF_8)).isZero();
        String text = plain.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.contains("[client1.test]"))).hasSize(EVENTS);
        assertThat(text).contains("order 0 paid", "order " + (EVENTS - 1) + " paid");
    }

    @Test
    void aRefusedClientsSubjectCannotForgeStatusLinesOrDriveTheTerminal() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        pki.issueClientWithSubject("hostile", "CN=evil\u001b[2J\u001b[31m\u0007\r\n2026-12-07T00:00:00Z ERROR"
                + " forged\u202e,O=Example");
        int port = freePort();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> serve = serve(pki, port, List.of("--output", dir.resolve("r.log").toString()),
                new ByteArrayOutputStream(), err, stop);
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("hostile"), port)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!err.toString(StandardCharsets.UTF_8).contains("refused client")) {
                assertThat(System.nanoTime() - deadline).as("the refusal printed").isNegative();
                Thread.sleep(20);
            }
        }
        stop.countDown();
        assertThat(serve.get(30, TimeUnit.SECONDS)).isZero();

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed.toLowerCase(java.util.Locale.ROOT)).contains("refused client", "evil\\u001b[2j");
        assertThat(printed).doesNotContain("\u001b", "\u0007", "\r",
                "\u202e");
        assertThat(printed.lines()).noneMatch(line -> line.startsWith("2026-12-07T00:00:00Z ERROR forged"));
    }

    /** Runs serve with the flags for {@code pki} plus {@code output}, ships the events, stops; returns its stdout. */
    private String serveAndShip(TestPki pki, List<String> output) throws Exception {
        int port = freePort();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> serve = serve(pki, port, output, out, err, stop);

        LoggerContext client = XmlConfiguredContext.configure("receiver/cli/" + getClass().getSimpleName()
                + "-client", Map.of("destination", "127.0.0.1:" + port, "clientCert",
                pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                "caCert", pki.caCert().toString()));
        for (int i = 0; i < EVENTS; i++) {
            client.getLogger("com.example.shop.Orders").info("order {} paid", i);
        }
        client.stop(); // RELP: returns once every event was acknowledged, i.e. handed to the receiver's appenders

        stop.countDown();
        assertThat(serve.get(30, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Starts serve on {@code port} with the flags for {@code pki} (allowing client1.test) plus {@code output}. */
    private static CompletableFuture<Integer> serve(TestPki pki, int port, List<String> output, ByteArrayOutputStream out,
            ByteArrayOutputStream err, CountDownLatch stop) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--address", "127.0.0.1", "--port",
                Integer.toString(port), "--certificate", pki.server().chain().toString(), "--private-key",
                pki.server().key().toString(), "--trusted-certificates", pki.caCert().toString(), "--allow-name",
                "client1.test", "--framing", "relp"));
        args.addAll(output);
        CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> ReceiverMain.run(
                args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop, false));
        awaitListening(port, serve, err);
        return serve;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, CompletableFuture<Integer> serve, ByteArrayOutputStream err)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertThat(serve.isDone()).as("serve ended early: %s", err.toString(StandardCharsets.UTF_8)).isFalse();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the receiver never listened: " + err.toString(StandardCharsets.UTF_8));
    }
}
