package dev.logshield.tls.receiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code target/logshield-receiver.jar}, started with {@code java -jar ... serve --config receiver.xml}
 * as an operator would: it listens, writes what our appender sends over RELP to the configured file, and on SIGTERM
 * stops cleanly (queue drained, file complete). Proves the jar carries everything it needs (Logback, BouncyCastle,
 * jackson-core, logback-redact, its service files): a card number sent by a client that does not redact is written
 * redacted.
 */
class ReceiverJarServesUntilTerminatedIT {

    private static final int EVENTS = 500;

    @TempDir
    Path dir;

    @Test
    void servesFromItsConfigFileAndStopsCleanlyOnSigterm() throws Exception {
        String built = System.getProperty("receiver.jar");
        assumeTrue(built != null, "failsafe runs this after package, with -Dreceiver.jar set");
        Path jar = Path.of(built);
        assertThat(jar).as("built by the package phase").exists();
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path output = dir.resolve("received.log");
        Path config = Files.writeString(dir.resolve("receiver.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%-5level [%%mdc{client.cn}] %%logger %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                  <contextListener class="dev.logshield.tls.receiver.MtlsReceiver">
                    <address>127.0.0.1</address>
                    <port>%d</port>
                    <certificate>%s</certificate>
                    <privateKey>%s</privateKey>
                    <trustedCertificates>%s</trustedCertificates>
                    <allowedName>client1.test</allowedName>
                    <framing>relp</framing>
                  </contextListener>
                </configuration>
                """.formatted(output, port, pki.server().chain(), pki.server().key(), pki.caCert()));
        Path console = dir.resolve("console.txt");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            awaitListening(port, server, console);
            LoggerContext client = XmlConfiguredContext.configure("receiver/cli/ReceiverJarServesUntilTerminatedIT-client",
                    Map.of("destination", "127.0.0.1:" + port, "clientCert", pki.client("client1").chain().toString(),
                            "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            for (int i = 0; i < EVENTS; i++) {
                client.getLogger("com.example.shop.Orders").warn("order {} refunded", i);
            }
            client.getLogger("com.example.shop.Orders").warn("refund to card 4111111111111111");
            client.stop();

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(console);
            assertThat(server.exitValue()).as(printed).isEqualTo(143);
            assertThat(printed).contains("listening").doesNotContain("ERROR", "Exception");
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(EVENTS + 1);
            assertThat(lines.get(0)).isEqualTo("WARN  [client1.test] com.example.shop.Orders order 0 refunded");
            assertThat(lines.get(EVENTS))
                    .isEqualTo("WARN  [client1.test] com.example.shop.Orders refund to card [REDACTED:credit-card]");
        } finally {
            server.destroyForcibly();
        }
    }

    private static void awaitListening(int port, Process server, Path console) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the receiver exited: %s", Files.readString(console)).isTrue();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the receiver never listened: " + Files.readString(console));
    }
}
