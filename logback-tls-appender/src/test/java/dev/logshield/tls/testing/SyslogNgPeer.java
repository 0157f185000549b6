package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real syslog-ng collector for integration tests: writes a configuration per run with one TLS source on a free
 * loopback port that requires a client certificate signed by the given CA ({@code peer-verify(required-trusted)}),
 * starts syslog-ng in the foreground with its own pid, persist and control files in the work directory (as
 * {@code nobody} when the tests run as root), waits for the port, and stops it by PID. Each received message's MSG
 * is written as one line to {@link #messages()}, the raw message as received to {@link #rawMessages()}.
 *
 * <p>The sources differ in framing, which is what the tests are about:
 * <ul>
 * <li>{@link Source#SYSLOG_TLS} {@code syslog(transport("tls"))}: RFC 5425/6587 octet-counted frames (and lines).</li>
 * <li>{@link Source#NETWORK_TLS} {@code network(transport("tls") flags(syslog-protocol))}: lines only. It does not
 * know octet counting: without newlines it cuts the stream every {@code log-msg-size} bytes.</li>
 * </ul>
 * {@code log-msg-size} is {@link #LOG_MSG_SIZE} for both. Tests skip themselves (assumption) when
 * {@link #available()} is false; {@code .ci/run} unpacks Debian's syslog-ng (see {@link SyslogNgInstallation}).
 */
public final class SyslogNgPeer implements AutoCloseable {

    /** Which syslog-ng source driver listens. */
    public enum Source {
        /** {@code syslog()}: octet-counted framing (RFC 5425), or lines. */
        SYSLOG_TLS("syslog", ""),
        /** {@code network()}: newline-delimited lines, RFC 5424 parsed. */
        NETWORK_TLS("network", " flags(syslog-protocol)");

        final String driver;
        final String flags;

        Source(String driver, String flags) {
            this.driver = driver;
            this.flags = flags;
        }
    }

    /** The largest message accepted: syslog-ng's default (65,536 bytes) would refuse the tests' large events. */
    public static final int LOG_MSG_SIZE = 256 * 1024;

    private static final long START_TIMEOUT_MS = 30_000;

    private final SyslogNgInstallation installation;
    private final Path work;
    private final Path config;
    private final int port;
    private Process process;

    private SyslogNgPeer(SyslogNgInstallation installation, Path work, int port) {
        this.installation = installation;
        this.work = work;
        this.config = work.resolve("syslog-ng.conf");
        this.port = port;
    }

    /** True when a working syslog-ng is installed or unpacked (see {@link SyslogNgInstallation}). */
    public static boolean available() {
        return SyslogNgInstallation.find().isPresent();
    }

    /**
     * Prepares (does not start) a collector in {@code work} (created if missing) with the given source, presenting
     * {@code serverCert} and {@code serverKey} (OpenSSL reads any PEM form) and admitting only clients whose
     * certificate chains to {@code caCert}.
     */
    public static SyslogNgPeer prepare(Path work, Source source, Path caCert, Path serverCert, Path serverKey)
            throws IOException {
        SyslogNgInstallation installation = SyslogNgInstallation.find()
                .orElseThrow(() -> new IllegalStateException("syslog-ng is not available: check available() first"));
        Files.createDirectories(work);
        Path pki = work.resolve("pki");
        Path ca = TestPki.copyReadableByNobody(caCert, pki);
        Path cert = TestPki.copyReadableByNobody(serverCert, pki);
        Path key = TestPki.copyReadableByNobody(serverKey, pki);
        allowNobodyToWrite(work);
        SyslogNgPeer peer = new SyslogNgPeer(installation, work, freePort());
        String tls = "tls(key-file(\"" + key + "\") cert-file(\"" + cert + "\") ca-file(\"" + ca + "\")"
                + " peer-verify(required-trusted))";
        String conf = "@version: " + installation.version() + "\n"
                + "options { use-dns(no); dns-cache(no); keep-hostname(yes); stats-freq(0); };\n"
                + "source s_remote { " + source.driver + "(ip(\"127.0.0.1\") port(" + peer.port + ") transport(\"tls\")"
                + " log-msg-size(" + LOG_MSG_SIZE + ") flags(store-raw-message)" + source.flags + "\n    " + tls + "); };\n"
                + "destination d_msg { file(\"" + peer.messagesFile() + "\" template(\"$MSG\\n\")); };\n"
                + "destination d_raw { file(\"" + peer.rawFile() + "\" template(\"$RAWMSG\\n\")); };\n"
                + "log { source(s_remote); destination(d_msg); destination(d_raw); };\n"
                + "source s_internal { internal(); };\n"
                + "destination d_internal { file(\"" + peer.internalFile() + "\"); };\n"
                + "log { source(s_internal); destination(d_internal); };\n";
        Files.writeString(peer.config, conf, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(peer.config, PosixFilePermissions.fromString("rw-r--r--"));
        return peer;
    }

    private static void allowNobodyToWrite(Path work) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // syslog-ng runs as this user
        }
        UserPrincipal nobody = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(work, nobody);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The port syslog-ng listens on. */
    public int port() {
        return port;
    }

    /** {@code localhost:port}, for {@code <destination>} (the test PKI's server certificate names localhost). */
    public String destination() {
        return "localhost:" + port;
    }

    /**
     * Starts syslog-ng in the foreground and waits until it listens (up to 30 s); one that exits or never listens is
     * killed and reported with its output.
     */
    public SyslogNgPeer start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("syslog-ng is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(installation.command());
        command.addAll(Arrays.asList("--foreground", "--stderr", "--no-caps", "--cfgfile=" + config,
                "--persist-file=" + work.resolve("syslog-ng.persist"), "--pidfile=" + work.resolve("syslog-ng.pid"),
                "--control=" + work.resolve("syslog-ng.ctl")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("syslog-ng.out").toFile()));
        builder.environment().putAll(installation.environment());
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("syslog-ng exited with " + process.exitValue() + ": " + output());
            }
            if (CollectorProcess.listening(port)) {
                return this;
            }
            Thread.sleep(20);
        }
        kill(); // the caller never gets this peer to close
        throw new IOException("syslog-ng did not listen on " + port + " within " + START_TIMEOUT_MS + " ms: " + output());
    }


    /** Graceful stop (SIGTERM: syslog-ng writes out what it has read), waiting for the process to exit. */
    public void stop() throws InterruptedException {
        CollectorProcess.terminate(process);
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        CollectorProcess.kill(process);
    }

    /** The MSG part of every message received so far, one per line. */
    public List<String> messages() {
        return lines(messagesFile());
    }

    /**
     * Waits until at least {@code count} messages have been written (for the time asked, but {@link Waits#generous
     * at least 30 s}); returns their MSG parts then.
     *
     * @throws AssertionError with syslog-ng's log when fewer arrive in time
     */
    public List<String> awaitMessages(int count, Duration asked) throws InterruptedException {
        return await(messages -> messages.size() >= count, count + " messages", asked);
    }

    /**
     * Waits until some received message contains {@code text} (as {@link #awaitMessages}); returns every MSG then.
     */
    public List<String> awaitMessageContaining(String text, Duration asked) throws InterruptedException {
        return await(messages -> messages.stream().anyMatch(m -> m.contains(text)), "a message containing \"" + text
                + "\"", asked);
    }

    /**
     * Waits until syslog-ng's own log contains {@code text} (as {@link #awaitMessages}); returns the log then.
     */
    public String awaitLogContaining(String text, Duration asked) throws InterruptedException {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String log = log();
            if (log.contains(text)) {
                return log;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("syslog-ng did not log \"" + text + "\" within " + timeout + "; its log:\n"
                        + log);
            }
            Thread.sleep(50);
        }
    }

    private List<String> await(Predicate<List<String>> condition, String what, Duration asked)
            throws InterruptedException {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> messages = messages();
            if (condition.test(messages)) {
                return messages;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("syslog-ng did not write " + what + " within " + timeout + " ("
                        + messages.size() + " messages); its log:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** Every message received so far as it came off the wire (after the framing), one per line. */
    public List<String> rawMessages() {
        return lines(rawFile());
    }

    /**
     * The file of {@link #rawMessages()} as bytes: each message followed by the LF syslog-ng's template adds (a cut
     * character stays cut).
     */
    public byte[] rawBytes() {
        try {
            return Files.exists(rawFile()) ? Files.readAllBytes(rawFile()) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** syslog-ng's own messages (connections, TLS errors, framing errors) and its standard output. */
    public String log() {
        return read(internalFile()) + read(work.resolve("syslog-ng.out"));
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private Path messagesFile() {
        return work.resolve("received.msg");
    }

    private Path rawFile() {
        return work.resolve("received.raw");
    }

    private Path internalFile() {
        return work.resolve("internal.log");
    }

    private String output() {
        return read(work.resolve("syslog-ng.out"));
    }

    private static List<String> lines(Path file) {
        String text = read(file);
        if (text.isEmpty()) {
            return List.of();
        }
        // only whole lines: syslog-ng may be writing the last one
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    private static String read(Path file) {
        try {
            // not readString: a misframed stream may hold a cut character
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
