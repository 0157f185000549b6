package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
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
        Path clientTls = Files.createDirectories(tmp.resolve("client-tls"));
        copy(pki.client("client1").chain(), clientTls.resolve("client.pem"));
        copy(pki.client("client1").key(), clientTls.resolve("client.key"));
        copy(pki.caCert(), clientTls.resolve("ca.pem"));
        SampleReceiver receiver = SampleReceiver.start(tmp, pki, "client1.test");
        try (receiver) {
            ProcessBuilder app = new ProcessBuilder(SampleReceiver.java(), "-cp", System.getProperty("java.class.path"),
                    ShopApplication.class.getName()).redirectErrorStream(true);
            app.environment().put("LOGSHIELD_DEMO_DIR", tmp.resolve("logs").toString());
            app.environment().put("LOGSHIELD_COLLECTOR", "localhost:" + receiver.port());
            app.environment().put("LOGSHIELD_TLS_DIR", clientTls.toString());
            Process shop = app.start();
            String out = new String(shop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shop.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shop.exitValue()).as(out).isZero();
            assertThat(out).doesNotContain("ERROR in dev.logshield.tls");
        }
        String receiverOut = receiver.console();
        assertThat(receiverOut).contains("listening").doesNotContain("ERROR");

        String text = receiver.decrypt();
        assertThat(text).as(receiverOut).contains("[client1.test]", "Application started on port 8443",
                "Shutting down cleanly, 12 orders processed", "[REDACTED:credit-card]", "password=[REDACTED:secret]")
                // redacted by the app's appender, then again by the receiver: a second pass changes nothing
                .doesNotContain("[[REDACTED");
        for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                "tok-1234567890abcdef", "S3cr3tPa55", "AKIAIOSFODNN7EXAMPLE", "s3ss10n", "203.0.113.42"}) {
            assertThat(text).as("received " + secret).doesNotContain(secret);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
