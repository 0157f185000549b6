package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.cli.Logcrypt;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.tls.receiver.cli.ReceiverMain;
import dev.logshield.tls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with nothing but LogShield: the demo application (its own JVM, {@code LOGSHIELD_COLLECTOR} set)
 * redacts and ships every event over mutual TLS with RELP to LogShield's receiver, started in another JVM from the
 * sample {@code examples/receiver.xml} exactly as an operator would, which writes what it receives into an
 * encrypted file; decrypted with the reader's identity, every event is there, redacted (by the application's
 * appender, and again by the receiver), tagged with the client certificate's name.
 */
class DemoShipsToTheLogShieldReceiverTest {

    @TempDir
    Path tmp;

    @Test
    void everyEventArrivesRedactedInTheReceiversEncryptedFile() throws Exception {
        TestPki pki = TestPki.generate(tmp.resolve("pki"));
        Path receiverTls = Files.createDirectories(tmp.resolve("receiver-tls"));
        copy(pki.server().chain(), receiverTls.resolve("server.pem"));
        copy(pki.server().key(), receiverTls.resolve("server.key"));
        copy(pki.caCert(), receiverTls.resolve("ca.pem"));
        Path clientTls = Files.createDirectories(tmp.resolve("client-tls"));
        copy(pki.client("client1").chain(), clientTls.resolve("client.pem"));
        copy(pki.client("client1").key(), clientTls.resolve("client.key"));
        copy(pki.caCert(), clientTls.resolve("ca.pem"));
        HpkeIdentity reader = HpkeIdentity.of(X25519KeyPair.generate(new SecureRandom()));
        Path identity = Files.writeString(tmp.resolve("reader.key"), reader.encode() + "\n");
        Path recipients = Files.writeString(tmp.resolve("recipients.txt"), reader.recipient().recipient() + "\n");
        Path received = tmp.resolve("received");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReceiverMain.class.getName(), "serve", "--config", Path.of("receiver.xml").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("receiver.out").toFile());
        serve.environment().put("LOGSHIELD_TLS_DIR", receiverTls.toString());
        serve.environment().put("LOGSHIELD_RECEIVER_PORT", Integer.toString(port));
        serve.environment().put("LOGSHIELD_RECEIVER_DIR", received.toString());
        serve.environment().put("LOGSHIELD_RECIPIENTS", recipients.toString());
        serve.environment().put("LOGSHIELD_CLIENT_NAME", "client1.test");
        Process receiver = serve.start();
        try {
            awaitListening(port, receiver);

            ProcessBuilder app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ShopApplication.class.getName()).redirectErrorStream(true);
            app.environment().put("LOGSHIELD_DEMO_DIR", tmp.resolve("logs").toString());
            app.environment().put("LOGSHIELD_COLLECTOR", "localhost:" + port);
            app.environment().put("LOGSHIELD_TLS_DIR", clientTls.toString());
            Process shop = app.start();
            String out = new String(shop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shop.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shop.exitValue()).as(out).isZero();
            assertThat(out).doesNotContain("ERROR in dev.logshield.tls");
        } finally {
            receiver.destroy();
            receiver.waitFor(30, TimeUnit.SECONDS);
            receiver.destroyForcibly();
        }
        String receiverOut = Files.readString(tmp.resolve("receiver.out"));
        assertThat(receiverOut).contains("listening").doesNotContain("ERROR");

        Path[] files;
        try (Stream<Path> list = Files.list(received)) {
            files = list.filter(f -> f.toString().endsWith(".lse")).toArray(Path[]::new);
        }
        assertThat(files).isNotEmpty();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("decrypt", "-i", identity.toString()),
                Stream.of(files).map(Path::toString)).toArray(String[]::new);
        int code = Logcrypt.run(args, new PrintStream(plain, true, StandardCharsets.UTF_8),
                new PrintStream(report, true, StandardCharsets.UTF_8));
        assertThat(code).as(report.toString(StandardCharsets.UTF_8)).isZero();
        String text = plain.toString(StandardCharsets.UTF_8);
        assertThat(text).as(receiverOut).contains("[client1.test]", "Application started on port 8443",
                "Shutting down cleanly, 12 orders processed", "[REDACTED:credit-card]")
                // redacted by the app's appender, then again by the receiver (which cannot know the client redacted):
                // the secret detector masks its own mask once more, "password=[[REDACTED:secret]]"
                .containsPattern("password=\\[+REDACTED:secret]+");
        for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                "tok-1234567890abcdef", "S3cr3tPa55", "AKIAIOSFODNN7EXAMPLE", "s3ss10n", "203.0.113.42"}) {
            assertThat(text).as("received " + secret).doesNotContain(secret);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitListening(int port, Process receiver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(receiver.isAlive()).as("the receiver exited: %s",
                    Files.readString(tmp.resolve("receiver.out"))).isTrue();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the receiver never listened: " + Files.readString(tmp.resolve("receiver.out")));
    }
}
