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

/**
 * The sample {@code examples/receiver.xml} run as an operator runs it: {@code serve --config receiver.xml} in a JVM
 * of its own, with the test PKI's server certificate, key and CA in {@code LOGSHIELD_TLS_DIR}, a free port, a fresh
 * reader identity as the encrypted file's recipient and one allowed client name. {@link #close()} stops it with
 * SIGTERM; {@link #decrypt()} then reads what it wrote.
 */
final class SampleReceiver implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path console;
    private final Path identity;
    private final Path received;

    private SampleReceiver(Process process, int port, Path console, Path identity, Path received) {
        this.process = process;
        this.port = port;
        this.console = console;
        this.identity = identity;
        this.received = received;
    }

    /** Starts the sample receiver under {@code dir} and waits until its port takes connections. */
    static SampleReceiver start(Path dir, TestPki pki, String allowedClient) throws Exception {
        Path tls = Files.createDirectories(dir.resolve("receiver-tls"));
        Files.copy(pki.server().chain(), tls.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.server().key(), tls.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.caCert(), tls.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        HpkeIdentity reader = HpkeIdentity.of(X25519KeyPair.generate(new SecureRandom()));
        Path identity = Files.writeString(dir.resolve("reader.key"), reader.encode() + "\n");
        Path recipients = Files.writeString(dir.resolve("recipients.txt"), reader.recipient().recipient() + "\n");
        Path received = dir.resolve("received");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path console = dir.resolve("receiver.out");
        ProcessBuilder serve = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                ReceiverMain.class.getName(), "serve", "--config", Path.of("receiver.xml").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        serve.environment().put("LOGSHIELD_TLS_DIR", tls.toString());
        serve.environment().put("LOGSHIELD_RECEIVER_PORT", Integer.toString(port));
        serve.environment().put("LOGSHIELD_RECEIVER_DIR", received.toString());
        serve.environment().put("LOGSHIELD_RECIPIENTS", recipients.toString());
        serve.environment().put("LOGSHIELD_CLIENT_NAME", allowedClient);
        SampleReceiver receiver = new SampleReceiver(serve.start(), port, console, identity, received);
        try {
            receiver.awaitListening();
        } catch (Exception | AssertionError e) {
            receiver.close();
            throw e;
        }
        return receiver;
    }

    /** This JVM's {@code java} command. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    int port() {
        return port;
    }

    /** What the receiver printed so far (standard output and error). */
    String console() throws IOException {
        return Files.readString(console);
    }

    /** Every record of the receiver's encrypted files, decrypted with the reader's identity (verdict INTACT). */
    String decrypt() throws IOException {
        String[] files;
        try (Stream<Path> list = Files.list(received)) {
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

    /** SIGTERM, then waits for the receiver to close its files (killed if it has not within 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a JVM starting on a busy machine
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the receiver exited: %s", console()).isTrue();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the receiver never listened: " + console());
    }
}
