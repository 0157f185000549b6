package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslog collector for integration tests: writes a configuration per run (imtcp over the GnuTLS driver
 * with x509/name authorisation and octet-counted framing, or imrelp over TLS), on a free loopback port, starts
 * {@code rsyslogd -n} (as {@code nobody} when the tests run as root), waits for the port, and stops it by PID
 * (gracefully or with SIGKILL). Received messages are written one per line (raw) to a file.
 *
 * <p>Tests skip themselves (assumption) when rsyslog or its TLS/RELP modules are not installed; {@code .ci/run}
 * installs {@code rsyslog rsyslog-gnutls rsyslog-relp}.
 */
public final class RsyslogPeer implements AutoCloseable {

    /** Which rsyslog input. */
    public enum Input { TCP_TLS, RELP_TLS }

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

    private final Path work;
    private final Path config;
    private final Path pidFile;
    private final int port;
    private final Input input;
    private final Path ca;
    private final Path cert;
    private final Path key;
    private final boolean directQueue;
    private Process process;

    private RsyslogPeer(Path work, int port, Input input, Path ca, Path cert, Path key, boolean directQueue) {
        this.work = work;
        this.port = port;
        this.input = input;
        this.ca = ca;
        this.cert = cert;
        this.key = key;
        this.directQueue = directQueue;
        this.config = work.resolve("rsyslog.conf");
        this.pidFile = work.resolve("rsyslogd.pid");
    }

    /** True when rsyslogd and the modules this input needs are installed. */
    public static boolean available(Input input) {
        if (!Files.isExecutable(RSYSLOGD)) {
            return false;
        }
        String module = input == Input.RELP_TLS ? "imrelp.so" : "lmnsd_gtls.so";
        if (Files.exists(Path.of("/usr/lib/rsyslog", module))) {
            return true;
        }
        // Debian and Ubuntu: /usr/lib/<multiarch triplet>/rsyslog (x86_64-linux-gnu, aarch64-linux-gnu, ...)
        try (var dirs = Files.newDirectoryStream(Path.of("/usr/lib"), "*-linux-gnu*")) {
            for (Path dir : dirs) {
                if (Files.exists(dir.resolve("rsyslog").resolve(module))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * Prepares (does not start) a collector in {@code work}, trusting {@code caCert}, presenting the server
     * certificate, and admitting only {@code permittedPeers} (rsyslog matches SAN DNS names, then the CN).
     *
     * @param serverKey   a SEC1 or PKCS#1 key ({@code TestPki.Identity.traditionalKey()}): GnuTLS in Debian 12 does not
     *                    read the PKCS#8 EC keys BouncyCastle writes
     * @param directQueue true: the ruleset's queue is "Direct", so an acknowledgement means written to the file
     */
    public static RsyslogPeer prepare(Path work, Input input, Path caCert, Path serverCert, Path serverKey,
                                      List<String> permittedPeers, boolean directQueue) throws IOException {
        Files.createDirectories(work);
        boolean root = "root".equals(System.getProperty("user.name"));
        Path pki = work.resolve("pki");
        Files.createDirectories(pki);
        Path ca = Files.copy(caCert, pki.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path cert = Files.copy(serverCert, pki.resolve("server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path key = Files.copy(serverKey, pki.resolve("server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        RsyslogPeer peer = new RsyslogPeer(work, port, input, ca, cert, key, directQueue);
        peer.permit(permittedPeers);
        if (root) {
            // rsyslogd drops to nobody: it must be able to read its files and write its outputs
            for (Path p : List.of(work, pki)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            for (Path p : List.of(ca, cert, key)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Path parent = work.getParent();
            while (parent != null) {
                // the temp directories on the way must be traversable
                if (Files.isDirectory(parent) && parent.startsWith(System.getProperty("java.io.tmpdir"))
                        && !parent.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                parent = parent.getParent();
            }
        }
        return peer;
    }

    /**
     * Rewrites the configuration to admit only {@code permittedPeers}, keeping the port and files: takes effect at
     * the next {@link #start()}, so a test can change who is allowed across a restart.
     */
    public RsyslogPeer permit(List<String> permittedPeers) throws IOException {
        StringBuilder peers = new StringBuilder();
        for (String peer : permittedPeers) {
            peers.append(peers.length() == 0 ? "" : ",").append('"').append(peer).append('"');
        }
        String queue = directQueue ? " queue.type=\"Direct\"" : "";
        String received = work.resolve("received.raw").toString();
        String conf;
        if (input == Input.TCP_TLS) {
            conf = "global(workDirectory=\"" + work + "\" net.enableDNS=\"off\" maxMessageSize=\"64k\""
                    + " processInternalMessages=\"on\" parser.escapeControlCharactersOnReceive=\"off\")\n"
                    + "module(load=\"imtcp\" maxSessions=\"200\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\""
                    + " streamDriver.authMode=\"x509/name\" permittedPeer=[" + peers + "]"
                    + " gnutlsPriorityString=\"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2\")\n"
                    + "input(type=\"imtcp\" port=\"" + port + "\" address=\"127.0.0.1\" ruleset=\"remote\""
                    + " streamDriver.CAFile=\"" + ca + "\" streamDriver.CertFile=\"" + cert + "\""
                    + " streamDriver.KeyFile=\"" + key + "\" supportOctetCountedFraming=\"on\")\n";
        } else {
            conf = "global(workDirectory=\"" + work + "\" net.enableDNS=\"off\" maxMessageSize=\"64k\""
                    + " processInternalMessages=\"on\" parser.escapeControlCharactersOnReceive=\"off\")\n"
                    + "module(load=\"imrelp\" tls.tlslib=\"gnutls\")\n"
                    + "input(type=\"imrelp\" port=\"" + port + "\" address=\"127.0.0.1\" ruleset=\"remote\" tls=\"on\""
                    + " tls.caCert=\"" + ca + "\" tls.myCert=\"" + cert + "\" tls.myPrivKey=\"" + key + "\""
                    + " tls.authMode=\"name\" tls.permittedPeer=[" + peers + "]"
                    + " tls.priorityString=\"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2\")\n";
        }
        conf += "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")\n"
                + "template(name=\"jsonl\" type=\"list\" option.jsonf=\"on\") {\n"
                + "  property(outname=\"pri\" name=\"pri\" format=\"jsonf\")\n"
                + "  property(outname=\"timestamp\" name=\"timereported\" dateFormat=\"rfc3339\" format=\"jsonf\")\n"
                + "  property(outname=\"hostname\" name=\"hostname\" format=\"jsonf\")\n"
                + "  property(outname=\"app_name\" name=\"app-name\" format=\"jsonf\")\n"
                + "  property(outname=\"procid\" name=\"procid\" format=\"jsonf\")\n"
                + "  property(outname=\"msgid\" name=\"msgid\" format=\"jsonf\")\n"
                + "  property(outname=\"sd\" name=\"structured-data\" format=\"jsonf\")\n"
                + "  property(outname=\"msg\" name=\"msg\" format=\"jsonf\")\n"
                + "}\n"
                + "ruleset(name=\"remote\"" + queue + ") {\n"
                + "  action(type=\"omfile\" file=\"" + received + "\" template=\"raw\")\n"
                + "  action(type=\"omfile\" file=\"" + work.resolve("received.jsonl") + "\" template=\"jsonl\")\n"
                + "}\n"
                + "*.* action(type=\"omfile\" file=\"" + work.resolve("internal.log") + "\")\n";
        Files.writeString(config, conf, StandardCharsets.UTF_8);
        if ("root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return this;
    }

    public int port() {
        return port;
    }

    public String destination() {
        return "127.0.0.1:" + port;
    }

    /** Starts rsyslogd and waits (up to 30 s: GnuTLS generates DH parameters at start) for the port. */
    public RsyslogPeer start() throws IOException, InterruptedException {
        Files.deleteIfExists(pidFile);
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i", pidFile.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("rsyslogd.out").toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("rsyslogd exited: " + Files.readString(work.resolve("rsyslogd.out")));
            }
            if (CollectorProcess.listening(port)) {
                return this;
            }
            Thread.sleep(20);
        }
        // the caller never gets this peer to close: do not leave a daemon behind
        process.destroyForcibly();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        throw new IOException("rsyslogd did not listen on " + port + " within 30 s: "
                + Files.readString(work.resolve("rsyslogd.out")));
    }


    /** Graceful stop (SIGTERM), waiting for the process. */
    public void stop() throws InterruptedException {
        CollectorProcess.terminate(process);
    }

    /** SIGKILL, as a crashing collector. */
    public void kill() throws InterruptedException {
        CollectorProcess.kill(process);
    }

    /** The file rsyslog appends the raw messages to (one per line), across restarts. */
    public Path receivedFile() {
        return work.resolve("received.raw");
    }

    /** SIGSTOP: rsyslog stays connected but reads nothing more (a hung collector; the kernel still ACKs until its buffer is full). */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        }
    }

    /** Raw messages received so far (one per line: multi-line messages span several lines). */
    public String received() {
        try {
            Path file = work.resolve("received.raw");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON object per received message, with the RFC 5424 fields rsyslog parsed. */
    public List<String> receivedJson() {
        try {
            Path file = work.resolve("received.jsonl");
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** rsyslog's own messages (TLS errors, rejected peers). */
    public String internalLog() {
        try {
            Path file = work.resolve("internal.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Input input() {
        return input;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
