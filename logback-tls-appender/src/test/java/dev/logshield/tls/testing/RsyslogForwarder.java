package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real rsyslog as a mutual-TLS CLIENT, for interoperability tests of a log receiver: the test writes messages to
 * a plain loopback TCP input ({@code imptcp}, free port), and rsyslog forwards them with {@code omfwd} over TLS
 * (GnuTLS driver {@code gtls}) or with {@code omrelp} over TLS, presenting a client certificate from the test PKI and
 * verifying the server by name ({@code x509/name} + permitted peer) or by chain only ({@code x509/certvalid}).
 * The action has its own in-memory queue and retries forever every second, so messages sent while the receiver is
 * down are delivered once it listens.
 * <pre>
 * RsyslogForwarder.Options options = RsyslogForwarder.Options.to("127.0.0.1", receiver.port())
 *         .trust(pki.caCert()).identity(pki.client("client1")).permittedPeers("localhost")
 *         .framing(Framing.OCTET_COUNTED).template(Template.SYSLOG_PROTOCOL_23);
 * try (RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options).start()) {
 *     rsyslog.send("&lt;134&gt;1 2024-05-01T10:00:00Z host app 42 ID1 - hello");
 *     ... await the receiver, and on failure add rsyslog.diagnostics() to the message ...
 * }
 * </pre>
 * Tests skip themselves with {@code assumeTrue(RsyslogForwarder.available(transport))}; {@code .ci/run} installs
 * {@code rsyslog rsyslog-gnutls rsyslog-relp}.
 *
 * <p>Traps found building it (rsyslog 8.2302, GnuTLS 3.7.9, librelp 1.11, Debian 12):
 * <ul>
 * <li>omfwd's default template is {@code RSYSLOG_TraditionalForwardFormat} ({@code <PRI>Mmm dd hh:mm:ss host
 * tag msg}), not {@code RSYSLOG_ForwardFormat} (RFC 3339 timestamp): the template is therefore always written
 * out. Both RFC 3164-like templates drop the MSGID and structured data of an RFC 5424 input.</li>
 * <li>With {@code TCP_Framing="octet-counted"} and {@code RSYSLOG_SyslogProtocol23Format} the template's trailing
 * LF is inside the counted octets: frames arrive as {@code "LEN <PRI>1 ... MSG\n"}; a receiver must accept (strip)
 * a trailing LF in an octet-counted message.</li>
 * <li>A line without {@code <PRI>} is parsed as RFC 3164 with its first word taken as the HOSTNAME and the second as
 * the tag ("hello one" leaves an empty MSG): send real syslog lines. A nil timestamp ({@code -}) is replaced by
 * the time of reception.</li>
 * <li>{@code rsyslogd -N1} does not load stream drivers ({@code streamDriver="nonsense"} validates), so the gtls
 * check is the presence of {@code lmnsd_gtls.so}; it does load omrelp and validates {@code tls.tlslib}, so the
 * RELP check is a validation run.</li>
 * <li>A server that fails {@code x509/name} still sees a completed handshake (rsyslog checks the name after
 * {@code gnutls_handshake}) followed by a close; rsyslog logs "peer name not authorized" (error 2088), suspends the
 * action and retries it every {@code resumeInterval}: the server sees a connection per retry and no byte.
 * omrelp instead logs "no permited name found" (sic) and DISABLES the action: it never retries.</li>
 * <li>GnuTLS 3.7 cannot read the PKCS#8 EC keys the JDK/BouncyCastle write ("ASN1 parser: Element was not found",
 * "error adding our certificate"); RSA PKCS#8 and SEC1/PKCS#1 work, hence {@link Options#identity} takes
 * {@code traditionalKey()}. rsyslog starts anyway: a bad key shows only at the first connection, in
 * {@link #internalLog()}.</li>
 * <li>Delivery is at least once, not exactly once: the message whose send failed while the server was down is
 * sent again after the ones queued behind it (50 sent while down arrived as 51), and omrelp re-sends its
 * unacknowledged window after a collector restart (50 + 50 arrived as 100 to 148: librelp reads the
 * acknowledgements lazily, so even delivered messages may still count as unacknowledged).</li>
 * <li>omrelp may hold messages without a word after the collector went away: in about 1 run in 6, the messages
 * sent while it was down were neither delivered nor reported 20 s after it was back (no connection, no error in
 * the log), until one more message made omrelp find the session broken (librelp error 10008), reconnect and
 * re-send them all. Tests that restart a RELP receiver use {@link #keepSendingUntil}.</li>
 * <li>omfwd does not read from its connection, so it notices a server's close only when a write fails: what it
 * wrote into the dead connection is lost (6 of 50 sent in a burst right after a server restart; the first of
 * messages sent one at a time). Tests that restart the receiver and need every message must use {@link Transport#RELP_TLS},
 * or send after rsyslog has reconnected.</li>
 * <li>For the same reason omfwd's close at rsyslog's stop is often a TCP reset rather than a FIN: the TLS 1.3
 * session tickets a server sends after the handshake are still unread (GnuTLS reads them only when asked to
 * read), and closing a socket with unread bytes resets it. The server's read fails with "Connection reset" after
 * the last whole message.</li>
 * <li>rsyslogd is run as {@code nobody} when the tests run as root: it must read the client key (copied owned by
 * nobody) and write its work directory (chowned to nobody); a pid file left by a previous run whose process has not
 * exited yet makes rsyslogd refuse to start, hence {@link #stop()} and {@link #kill()} wait for the exit.</li>
 * <li>Stopping while the action is suspended (receiver down) takes about 1.3 s (3 ms otherwise): rsyslog waits for
 * the action queue to time out before cancelling it, and loses what was in it (the queue is in memory); a message
 * sent before such a stop does not arrive after the next start. Starting takes about 20 ms (a TLS client
 * generates no DH parameters).</li>
 * </ul>
 */
public final class RsyslogForwarder implements AutoCloseable {

    /** How rsyslog forwards. */
    public enum Transport {
        /** {@code omfwd}, TCP with the GnuTLS stream driver in TLS-only mode. */
        TCP_TLS,
        /** {@code omrelp} with {@code tls="on"} and librelp's GnuTLS back end. */
        RELP_TLS
    }

    /** {@code omfwd}'s {@code TCP_Framing} (not used by RELP, which frames by itself). */
    public enum Framing {
        /** RFC 5425/6587 {@code LEN SP MSG}. */
        OCTET_COUNTED("octet-counted"),
        /** One message per LF-terminated line. */
        TRADITIONAL("traditional");

        final String value;

        Framing(String value) {
            this.value = value;
        }
    }

    /** Built-in rsyslog templates for the forwarded message. */
    public enum Template {
        /** RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}). */
        SYSLOG_PROTOCOL_23("RSYSLOG_SyslogProtocol23Format"),
        /** RFC 3164-like with an RFC 3339 timestamp ({@code <PRI>TIMESTAMP HOST TAG MSG}). */
        FORWARD("RSYSLOG_ForwardFormat"),
        /** RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOST TAG MSG}), what omfwd uses when given no template. */
        TRADITIONAL_FORWARD("RSYSLOG_TraditionalForwardFormat");

        final String rsyslogName;

        Template(String rsyslogName) {
            this.rsyslogName = rsyslogName;
        }
    }

    /** How rsyslog checks the server's certificate. */
    public enum AuthMode {
        /** Chain to the trusted CA and a SAN dNSName (or else the CN) among the permitted peers. */
        NAME("x509/name", "name"),
        /** Chain to the trusted CA only: any name is accepted. */
        CERT_VALID("x509/certvalid", "certvalid");

        final String omfwd;
        final String relp;

        AuthMode(String omfwd, String relp) {
            this.omfwd = omfwd;
            this.relp = relp;
        }
    }

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final long START_TIMEOUT_MS = 20_000;
    private static volatile Boolean relpAvailable;

    private final Path work;
    private final Path config;
    private final Path pidFile;
    private final int inputPort;
    private Process process;

    private RsyslogForwarder(Path work, int inputPort) {
        this.work = work;
        this.inputPort = inputPort;
        this.config = work.resolve("rsyslog.conf");
        this.pidFile = work.resolve("rsyslogd.pid");
    }

    /**
     * True when rsyslogd and what {@code transport} needs are installed: the GnuTLS stream driver, or omrelp with
     * TLS through GnuTLS (checked by a configuration validation run).
     */
    public static boolean available(Transport transport) {
        if (transport == Transport.TCP_TLS) {
            return RsyslogPeer.available(RsyslogPeer.Input.TCP_TLS); // rsyslogd and lmnsd_gtls.so
        }
        if (!Files.isExecutable(RSYSLOGD)) {
            return false;
        }
        Boolean known = relpAvailable;
        if (known == null) {
            known = relpValidates();
            relpAvailable = known;
        }
        return known;
    }

    private static boolean relpValidates() {
        try {
            Path dir = Files.createTempDirectory("logshield-omrelp-probe");
            Path probe = Files.writeString(dir.resolve("probe.conf"),
                    "module(load=\"omrelp\" tls.tlslib=\"gnutls\")\n"
                            + "action(type=\"omrelp\" target=\"127.0.0.1\" port=\"9\" tls=\"on\" tls.authMode=\"name\""
                            + " tls.permittedPeer=[\"localhost\"])\n");
            try {
                Process check = new ProcessBuilder(RSYSLOGD.toString(), "-N1", "-f", probe.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("probe.out").toFile()).start();
                boolean exited = check.waitFor(30, TimeUnit.SECONDS);
                if (!exited) {
                    check.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                return exited && check.exitValue() == 0;
            } finally {
                for (String name : List.of("probe.conf", "probe.out", "")) {
                    Files.deleteIfExists(dir.resolve(name));
                }
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Writes (does not start) a forwarder into {@code work} (created if missing): the configuration, and copies of
     * the CA, client certificate and key that rsyslog, run as nobody under root, can read.
     */
    public static RsyslogForwarder prepare(Path work, Options options) throws IOException {
        options.validate();
        Files.createDirectories(work);
        Path pki = work.resolve("pki");
        Path ca = TestPki.copyReadableByNobody(options.caCert, pki);
        Path cert = TestPki.copyReadableByNobody(options.clientCert, pki);
        Path key = TestPki.copyReadableByNobody(options.clientKey, pki);
        allowNobodyToWrite(work);
        RsyslogForwarder forwarder = new RsyslogForwarder(work, freePort());
        String conf = RsyslogForwarderConfig.render(options, forwarder.inputPort, work, ca, cert, key);
        Files.writeString(forwarder.config, conf, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(forwarder.config, PosixFilePermissions.fromString("rw-r--r--"));
        return forwarder;
    }

    private static void allowNobodyToWrite(Path work) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // rsyslogd runs as this user
        }
        UserPrincipal nobody = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(work, nobody);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The plain TCP port rsyslog reads the test's messages from. */
    public int inputPort() {
        return inputPort;
    }

    /**
     * Starts rsyslogd and waits until its plain input listens (up to 20 s); an rsyslogd that exits or never listens
     * is killed and reported with its output.
     */
    public RsyslogForwarder start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("rsyslogd is already running (pid " + process.pid() + ")");
        }
        Files.deleteIfExists(pidFile);
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i", pidFile.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("rsyslogd.out").toFile())).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("rsyslogd exited with " + process.exitValue() + ": " + diagnostics());
            }
            if (CollectorProcess.listening(inputPort)) {
                return this;
            }
            Thread.sleep(20);
        }
        kill(); // the caller never gets this forwarder to close
        throw new IOException("rsyslogd did not listen on " + inputPort + " within " + START_TIMEOUT_MS + " ms: "
                + diagnostics());
    }


    /** Sends one message to rsyslog's plain input; it may contain LFs (it is sent octet-counted). */
    public void send(String message) throws IOException {
        send(List.of(message));
    }

    /**
     * Sends messages, in order, over one plain connection, each as an octet-counted frame ({@code LEN SP MSG}) so
     * that multi-line messages stay whole. Send complete syslog lines ({@code <PRI>...}): see the class comment.
     */
    public void send(List<String> messages) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputPort)) {
            OutputStream out = socket.getOutputStream();
            for (String message : messages) {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
            }
            out.flush();
        }
    }

    /**
     * Sends {@code message} every 500 ms until {@code condition} holds. rsyslog notices that a receiver went away
     * only when it has something new to send (omfwd from a failed write, omrelp from a broken session), so after a
     * receiver restart this is how a test gets it to reconnect, and omrelp to re-send what it holds.
     *
     * @return how many times {@code message} was sent
     * @throws AssertionError with {@link #diagnostics()} when {@code condition} does not hold within {@code timeout}
     */
    public int keepSendingUntil(String message, BooleanSupplier condition, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int sent = 0;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sent \"" + message + "\" " + sent + " times over " + timeout
                        + " and the condition still does not hold; " + diagnostics());
            }
            send(message);
            sent++;
            for (int i = 0; i < 25 && !condition.getAsBoolean(); i++) {
                Thread.sleep(20);
            }
        }
        return sent;
    }

    /** Graceful stop (SIGTERM), waiting for rsyslogd to exit. */
    public void stop() throws InterruptedException {
        CollectorProcess.terminate(process);
    }

    /** SIGKILL, waiting for the process to be gone: what its queue held is lost. */
    public void kill() throws InterruptedException {
        CollectorProcess.kill(process);
    }

    /** Whether rsyslogd is running. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** rsyslog's own messages so far (start, TLS and authorisation errors, suspended actions), across restarts. */
    public String internalLog() {
        return read(work.resolve("internal.log"));
    }

    /** What rsyslogd printed (configuration errors before its log is open) and its internal log, for assertions. */
    public String diagnostics() {
        return "rsyslogd output:\n" + read(work.resolve("rsyslogd.out")) + "\nrsyslog internal log:\n" + internalLog()
                + "\nconfiguration " + config + ":\n" + read(config);
    }

    /** Stops rsyslogd without waiting for its queue: a test's end. */
    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * What to forward to and how. Defaults: TCP over TLS, octet-counted, RFC 5424 template, {@code x509/name} with
     * permitted peer {@code localhost} (the test PKI's server), TLS 1.3 and 1.2, a retry every second.
     */
    public static final class Options {
        final String host;
        final int port;
        Transport transport = Transport.TCP_TLS;
        Framing framing = Framing.OCTET_COUNTED;
        Template template = Template.SYSLOG_PROTOCOL_23;
        AuthMode authMode = AuthMode.NAME;
        List<String> permittedPeers = List.of("localhost");
        String gnutlsPriority = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2";
        int resumeIntervalSeconds = 1;
        Path caCert;
        Path clientCert;
        Path clientKey;

        private Options(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Forward to {@code host:port} (an address avoids DNS: rsyslog runs with DNS off). */
        public static Options to(String host, int port) {
            return new Options(host, port);
        }

        /** The CA (PEM) the server's certificate must chain to. */
        public Options trust(Path caCertificate) {
            this.caCert = caCertificate;
            return this;
        }

        /**
         * The client certificate and its key in traditional form: GnuTLS 3.7 in Debian 12 does not read every
         * PKCS#8 EC key BouncyCastle writes (see {@code RsyslogPeer}).
         */
        public Options identity(TestIdentity client) {
            return clientCertificate(client.cert(), client.traditionalKey());
        }

        /** The client certificate (PEM) and an unencrypted key file in any form GnuTLS reads. */
        public Options clientCertificate(Path certificate, Path key) {
            this.clientCert = certificate;
            this.clientKey = key;
            return this;
        }

        /** Server names accepted under {@link AuthMode#NAME} (SAN dNSName, else CN; "*.test" wildcards work). */
        public Options permittedPeers(String... names) {
            this.permittedPeers = List.of(names);
            return this;
        }

        /** How the server certificate is checked (default {@link AuthMode#NAME}). */
        public Options authMode(AuthMode mode) {
            this.authMode = mode;
            return this;
        }

        /** omfwd over TLS (default) or omrelp over TLS. */
        public Options transport(Transport value) {
            this.transport = value;
            return this;
        }

        /** omfwd's framing (default octet-counted); RELP ignores it. */
        public Options framing(Framing value) {
            this.framing = value;
            return this;
        }

        /** The format of forwarded messages (default RFC 5424). */
        public Options template(Template value) {
            this.template = value;
            return this;
        }

        /** A GnuTLS priority string, e.g. {@code "NORMAL:-VERS-ALL:+VERS-TLS1.2"} for TLS 1.2 only. */
        public Options gnutlsPriority(String priority) {
            this.gnutlsPriority = priority;
            return this;
        }

        /** Seconds between retries of a suspended action (also its maximum: rsyslog would lengthen it every 10 retries). */
        public Options resumeIntervalSeconds(int seconds) {
            this.resumeIntervalSeconds = seconds;
            return this;
        }

        void validate() {
            if (caCert == null || clientCert == null || clientKey == null) {
                throw new IllegalArgumentException("a forwarder needs trust(ca) and identity(client)");
            }
            if (authMode == AuthMode.NAME && permittedPeers.isEmpty()) {
                throw new IllegalArgumentException("x509/name needs at least one permitted peer");
            }
            if (resumeIntervalSeconds < 1) {
                throw new IllegalArgumentException("resumeIntervalSeconds must be at least 1");
            }
        }
    }
}
