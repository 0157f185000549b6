package com.example.shop;

import static dev.logshield.tls.testing.ForgedLines.FORGED;
import static dev.logshield.tls.testing.ForgedLines.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.cli.Logcrypt;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.receiver.cli.ReceiverMain;
import dev.logshield.tls.testing.ForgedLines;
import dev.logshield.tls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample {@code examples/receiver.xml}, run as an operator runs it ({@code serve --config} in its own JVM),
 * lets no client forge a line of its encrypted file: an allowed client ({@code web-3}) sends over RELP an RFC 5424
 * message with a raw line feed followed by a made-up line in the name of {@code payments-1}, and JSON events whose
 * message, logger and {@code syslog.hostname} field hold CR, LF, NEL, ANSI, U+2028 and bidi controls; decrypted, the
 * file has one line per event, each in {@code web-3}'s name, the forged text escaped once ({@code \n}) by the
 * sample's redacting, neutralising encoder, and the receiver warned about nothing (its encoder neutralises).
 */
class SampleReceiverWritesOneLinePerEventTest {

    private static final String CN = "web-3.example.internal";
    private static final String OPEN = "relp_version=0\nrelp_software=test,1\ncommands=syslog";

    @TempDir
    Path tmp;

    @Test
    void theEncryptedFileHoldsOneLinePerEventInTheSendersName() throws Exception {
        TestPki pki = TestPki.generate(tmp.resolve("pki"));
        pki.issueClient("web-3", CN);
        Path tls = Files.createDirectories(tmp.resolve("receiver-tls"));
        Files.copy(pki.server().chain(), tls.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.server().key(), tls.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.caCert(), tls.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        HpkeIdentity reader = HpkeIdentity.of(X25519KeyPair.generate(new SecureRandom()));
        Path identity = Files.writeString(tmp.resolve("reader.key"), reader.encode() + "\n");
        Path recipients = Files.writeString(tmp.resolve("recipients.txt"), reader.recipient().recipient() + "\n");
        Path received = tmp.resolve("received");

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path console = tmp.resolve("receiver.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReceiverMain.class.getName(), "serve", "--config", Path.of("receiver.xml").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        serve.environment().put("LOGSHIELD_TLS_DIR", tls.toString());
        serve.environment().put("LOGSHIELD_RECEIVER_PORT", Integer.toString(port));
        serve.environment().put("LOGSHIELD_RECEIVER_DIR", received.toString());
        serve.environment().put("LOGSHIELD_RECIPIENTS", recipients.toString());
        serve.environment().put("LOGSHIELD_CLIENT_NAME", CN);
        Process receiver = serve.start();
        try {
            awaitListening(port, receiver, console);
            List<String> events = List.of(
                    "<14>1 - web-3 shop - com.example.Shop - paid order 42\n" + FORGED,
                    json("message", "paid order 43\r\n" + FORGED, "logger_name", "com.example\u001b[2J\n" + FORGED,
                            "syslog.hostname", "web-3\u202e\u2028" + FORGED),
                    json("message", "colours \u001b[31mred\u001b[0m \u2066evil\u0085" + FORGED,
                            "logger_name", "com.example.Shop"));
            try (SSLSocket socket = connect(pki, port)) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(relp(1, "open", OPEN));
                assertThat(readRelp(in)).startsWith("1 rsp ").contains("200 OK");
                int txnr = 2;
                for (String event : events) {
                    out.write(relp(txnr, "syslog", event));
                    // acknowledged once handed to the appender, which writes and flushes its record at once
                    assertThat(readRelp(in)).isEqualTo(txnr + " rsp 6 200 OK");
                    txnr++;
                }
            }
        } finally {
            receiver.destroy();
            receiver.waitFor(30, TimeUnit.SECONDS);
            receiver.destroyForcibly();
        }
        String written = decrypt(identity, received);
        ForgedLines.assertOneLinePerEvent(written, 3, CN);
        assertThat(written).contains(
                "[" + CN + "] [web-3] com.example.Shop - paid order 42\\n" + FORGED + "\n",
                "[" + CN + "] [web-3\\u202e\\u2028" + FORGED + "] com.example\\u001b[2J\\n" + FORGED
                        + " - paid order 43\\r\\n" + FORGED + "\n",
                "] com.example.Shop - colours \\u001b[31mred\\u001b[0m \\u2066evil\\u0085" + FORGED + "\n");
        // no warning about the output's encoder (the probe's connection is a rejected handshake, warned about)
        assertThat(Files.readString(console)).contains("listening").doesNotContain("forge lines")
                .doesNotContain("ERROR");
    }

    /** A raw mutual-TLS connection as the client {@code web-3}: it writes exactly the bytes given. */
    private static SSLSocket connect(TestPki pki, int port) throws Exception {
        TlsClientSettings settings = TlsClientSettings.builder().certificate(pki.client("web-3").chain())
                .privateKey(pki.client("web-3").key()).trustedCertificates(pki.caCert()).build();
        SSLSocket socket = (SSLSocket) TlsContextFactory.create(settings).getSocketFactory().createSocket();
        TlsContextFactory.configure(socket, settings, "127.0.0.1");
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    /** A RELP command frame, {@code TXNR SP COMMAND SP DATALEN SP DATA LF}. */
    private static byte[] relp(int txnr, String command, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes((txnr + " " + command + " " + bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(bytes);
        frame.write('\n');
        return frame.toByteArray();
    }

    /** One RELP response frame as {@code TXNR rsp DATALEN DATA}, without its trailing LF. */
    private static String readRelp(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int spaces = 0;
        while (spaces < 3) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after '" + head + "'");
            }
            spaces += b == ' ' ? 1 : 0;
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().trim().split(" ")[2]);
        String data = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        assertThat(in.read()).as("LF ending the frame").isEqualTo('\n');
        return head + data;
    }

    private static void awaitListening(int port, Process receiver, Path console) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(receiver.isAlive()).as("the receiver exited: %s", Files.readString(console)).isTrue();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the receiver never listened: " + Files.readString(console));
    }

    private static String decrypt(Path identity, Path dir) throws IOException {
        String[] files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".lse")).map(Path::toString).sorted().toArray(String[]::new);
        }
        assertThat(files).isNotEmpty();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("decrypt", "-i", identity.toString()), Stream.of(files))
                .toArray(String[]::new);
        int code = Logcrypt.run(args, new PrintStream(plain, true, StandardCharsets.UTF_8),
                new PrintStream(report, true, StandardCharsets.UTF_8));
        assertThat(code).as(report.toString(StandardCharsets.UTF_8)).isZero();
        return plain.toString(StandardCharsets.UTF_8);
    }
}
