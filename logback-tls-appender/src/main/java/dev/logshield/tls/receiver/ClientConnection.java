package dev.logshield.tls.receiver;

import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsServerContextFactory;
import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.frames.FrameReader;
import dev.logshield.tls.receiver.frames.FramingLostException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * One client connection, on its own thread, from the accepted TCP socket to its close:
 * <ol>
 * <li>the TLS handshake, within {@code <handshakeTimeout>}, client certificate required; a failure is counted in
 * {@code connections.rejected} by {@link HandshakeFailures reason};</li>
 * <li>before any application byte is read: the revocation lists again, for resumed sessions ({@code revoked}), the
 * allow-list
 * ({@code not-allowed}) and the client's connection limit ({@code too-many-client-connections});</li>
 * <li>frames read, parsed and queued until the client closes, a limit or the protocol ends the connection
 * ({@code connections.closed{reason}}). A TCP reset between frames is the client's close ({@code client-reset},
 * not warned): rsyslog's omfwd, which never reads, often resets at its stop because the TLS 1.3 session tickets
 * are still unread; a reset inside a frame is an {@code error}.</li>
 * </ol>
 * Every slot it was given (connection, handshake, client) is released exactly once, whatever happens.
 */
final class ClientConnection implements Runnable {

    static final String WRITE_TIMEOUT = "write-timeout";
    static final String CLIENT_CLOSED = "client-closed";
    static final String CLIENT_RESET = "client-reset";
    static final String FRAMING_LOST = "framing-lost";
    static final String ERROR = "error";
    /** The {@code connections.rejected} reason of a client whose certificate is in the revocation list. */
    static final String REVOKED = HandshakeFailures.REVOKED;

    private static final long REJECT_CLOSE_MILLIS = 1_000;

    private final Socket tcp;
    private final ReceiverServer.Services services;
    private final HandshakeSlots.Slot handshake;
    private final String remote;
    private final Deadline deadline;
    private volatile ConnectionInput reading;

    /** The connection on {@code tcp}, which {@code deadline} closes, holding the {@code handshake} slot. */
    ClientConnection(Socket tcp, Deadline deadline, HandshakeSlots.Slot handshake, ReceiverServer.Services services) {
        this.tcp = tcp;
        this.services = services;
        this.handshake = handshake;
        this.remote = ClientIdentity.address((InetSocketAddress) tcp.getRemoteSocketAddress());
        this.deadline = deadline;
    }

    Deadline deadline() {
        return deadline;
    }

    /**
     * The receiver is stopping (its flag is already set): a connection not yet reading frames, or blocked in a
     * socket read (so with nothing unacknowledged), is closed at once; any other stops reading at its next frame
     * boundary, a RELP session after acknowledging what it handed over.
     */
    void stopReading() {
        ConnectionInput input = reading;
        if (input == null || input.claimIfBlocked()) {
            deadline.end(ReceiverServer.SHUTDOWN);
        }
    }

    @Override
    public void run() {
        String clientKey = null;
        services.watchdog().watch(deadline);
        try {
            SSLSocket tls = handshake();
            handshake.release();
            if (tls == null) {
                return;
            }
            ClientIdentity client = identify(tls);
            if (client == null) {
                return;
            }
            if (!services.allowList().allows(client)) {
                reject(tls, "not-allowed", () -> "receiver refused client " + client.describe()
                        + ": not on the allow-list; to admit it add " + allowListEntries(client));
                return;
            }
            if (!services.limits().tryAdmitClient(client.limitKey())) {
                reject(tls, "too-many-client-connections", () -> "receiver refused a connection of client "
                        + client.describe() + ": it already has <maxConnectionsPerClient> "
                        + services.settings().maxConnectionsPerClient() + " connections open");
                return;
            }
            clientKey = client.limitKey();
            services.metrics().accepted();
            String ended = serve(tls, client);
            services.metrics().closed(ended);
            if (!ended.equals(CLIENT_CLOSED) && !ended.equals(CLIENT_RESET) && !ended.equals(ReceiverServer.SHUTDOWN)) {
                services.status().warn("closed-" + ended, () -> "receiver closed the connection of " + client.describe()
                        + " (" + ended + "; counted in " + ReceiverMetrics.PREFIX + "connections.closed)");
            }
        } catch (RuntimeException | Error e) {
            services.status().warn("connection-bug", () -> "receiver: a connection from " + remote
                    + " failed unexpectedly: " + e);
        } finally {
            handshake.release();
            if (clientKey != null) {
                services.limits().clientLeft(clientKey);
            }
            deadline.end("closed");
            services.watchdog().forget(deadline);
            services.connectionEnded(this);
        }
    }

    /** The entries that would admit {@code client}, for the not-allowed warning. */
    private static String allowListEntries(ClientIdentity client) {
        String name = client.hostNames().stream().filter(n -> n.chars().allMatch(c -> c < 0x80)).findFirst()
                .map(n -> "<allowedName>" + n + "</allowedName>, ").orElse("");
        return name + "<allowedSubject>" + client.subjectName() + "</allowedSubject> or <allowedSpki>" + client.pin()
                + "</allowedSpki>";
    }

    /** The handshaken TLS socket, or {@code null} when the handshake failed (counted and reported). */
    private SSLSocket handshake() {
        ReceiverSettings settings = services.settings();
        deadline.arm(System.nanoTime() + settings.handshakeTimeoutMillis() * 1_000_000L, HandshakeFailures.TIMEOUT);
        try {
            tcp.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.handshakeTimeoutMillis()));
            tcp.setTcpNoDelay(true);
            tcp.setKeepAlive(true);
            SSLSocket tls = TlsServerContextFactory.wrap(services.tls().current(), tcp, services.tls().settings().protocols());
            tls.startHandshake();
            return tls;
        } catch (IOException | TlsConfigException | RuntimeException e) {
            String ended = deadline.expired();
            String reason = services.stopping() ? ReceiverServer.SHUTDOWN
                    : HandshakeFailures.DISPLACED.equals(ended) ? HandshakeFailures.DISPLACED
                    : HandshakeFailures.classify(e, HandshakeFailures.TIMEOUT.equals(ended));
            services.metrics().rejected(reason);
            if (!reason.equals(ReceiverServer.SHUTDOWN)) {
                services.status().warn("rejected-" + reason, () -> "receiver rejected a connection from " + remote
                        + " (" + reason + "): " + HandshakeFailures.advice(reason) + " [" + HandshakeFailures.messages(e)
                        + "]");
            }
            return null;
        } finally {
            deadline.disarm();
        }
    }

    private ClientIdentity identify(SSLSocket tls) {
        X509Certificate leaf;
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Certificate certificate : tls.getSession().getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            leaf = chain.get(0);
        } catch (SSLPeerUnverifiedException | ClassCastException | IndexOutOfBoundsException e) {
            // needClientAuth makes this unreachable; refuse rather than serve an unidentified client
            reject(tls, HandshakeFailures.NO_CERTIFICATE, () -> "receiver refused a connection from " + remote
                    + ": no verified client certificate");
            return null;
        }
        try {
            // a resumed TLS session skips the chain validation: the certificate may have expired since
            leaf.checkValidity();
        } catch (CertificateException e) {
            reject(tls, HandshakeFailures.UNTRUSTED_CERTIFICATE, () -> "receiver refused a resumed session from "
                    + remote + ": the client certificate " + leaf.getSubjectX500Principal() + " is no longer valid ("
                    + e.getMessage() + ")");
            return null;
        }
        // the handshake checked the whole chain; a resumed session skipped that, and the lists may have changed since
        String revoked = services.tls().revocationList().revocation(chain);
        if (revoked != null) {
            reject(tls, REVOKED, () -> "receiver refused a connection from " + remote + ": the client certificate "
                    + revoked);
            return null;
        }
        return ClientIdentity.of(leaf, (InetSocketAddress) tcp.getRemoteSocketAddress());
    }

    private void reject(SSLSocket tls, String reason, java.util.function.Supplier<String> message) {
        services.metrics().rejected(reason);
        services.status().warn("rejected-" + reason, message);
        deadline.arm(System.nanoTime() + REJECT_CLOSE_MILLIS * 1_000_000L, reason);
        try {
            tls.close();
        } catch (IOException e) {
            // closed anyway
        } finally {
            deadline.disarm();
        }
    }

    /** Reads the client's events until the connection ends; returns why it ended. */
    private String serve(SSLSocket tls, ClientIdentity client) {
        ReceiverSettings settings = services.settings();
        ClientRateLimiter.Bucket bucket = services.rateLimiter().join(client.limitKey());
        EventIntake intake = new EventIntake(services.parser(), services.eventFactory(), client, services.queue(),
                services.metrics(), services.status());
        ConnectionInput input = null;
        boolean framingLost = false;
        try {
            input = new ConnectionInput(tls, tls.getInputStream(), deadline, settings.idleTimeoutMillis(),
                    settings.frameTimeoutMillis(), bucket, services.metrics(),
                    (reason, bytes) -> intake.dropped(reason, "a " + reason.tag() + " frame (" + bytes + " bytes)"),
                    services::stopping);
            reading = input;
            if (settings.relp()) {
                boolean clientClosed = new RelpServerSession(services.wireFormats().relpCommands(input,
                        settings.maxFrameSize(), input), input, new BufferedOutputStream(tls.getOutputStream(), 8192),
                        intake, deadline, settings.idleTimeoutMillis() * 1_000_000L,
                        settings.idleTimeoutMillis() * 1_000_000L, services::stopping).run();
                return clientClosed ? CLIENT_CLOSED : ReceiverServer.SHUTDOWN;
            }
            FrameReader frames = services.wireFormats().frameReader(settings.framing(), input,
                    settings.maxFrameSize(), input);
            while (!services.stopping()) {
                byte[] frame = frames.next();
                if (frame == null) {
                    return CLIENT_CLOSED;
                }
                intake.accept(frame, null);
            }
            return ReceiverServer.SHUTDOWN;
        } catch (FramingLostException e) {
            // the frame being read, if any, is the one dropped here: it is not truncated as well
            framingLost = true;
            intake.dropped(e.reason(), "framing lost, connection closed: " + e.getMessage());
            return FRAMING_LOST;
        } catch (ConnectionInput.DeadlinePassed e) {
            return e.reason();
        } catch (IOException e) {
            String expired = deadline.expired();
            if (services.stopping()) {
                return ReceiverServer.SHUTDOWN;
            }
            if (expired != null) {
                return expired;
            }
            if (e instanceof RelpServerSession.AckTimeout) {
                return "ack-timeout";
            }
            return input != null && !input.inFrame() && isReset(e) ? CLIENT_RESET : ERROR;
        } finally {
            if (input != null && input.inFrame() && !framingLost) {
                services.metrics().dropped(DropReason.TRUNCATED.tag(), 1);
            }
            services.rateLimiter().leave(client.limitKey());
        }
    }

    private static boolean isReset(IOException e) {
        return HandshakeFailures.messages(e).toLowerCase(Locale.ROOT).contains("connection reset");
    }
}
