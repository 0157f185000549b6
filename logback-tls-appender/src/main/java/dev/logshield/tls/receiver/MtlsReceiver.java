package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import dev.logshield.metrics.Meters;
import dev.logshield.redact.logback.RedactionSettings;
import dev.logshield.redact.logback.SinkRedaction;
import dev.logshield.tls.config.KeyMaterial;
import dev.logshield.tls.config.ReloadingServerContext;
import dev.logshield.tls.config.ReloadingTlsContext;
import dev.logshield.tls.config.RevocationList;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsServerContextFactory;
import dev.logshield.tls.config.TrustMaterial;
import dev.logshield.tls.receiver.parse.EventParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hardened mutual-TLS log receiver inside a Logback context: clients (LogShield's {@code MtlsAppender}, rsyslog,
 * syslog-ng, Fluent Bit...) connect over TLS 1.3/1.2 with a client certificate, the receiver checks it against an
 * allow-list before reading a byte, reads RFC 5425 octet-counted syslog, JSON lines or RELP, and hands every event
 * to this context's appenders (an {@code EncryptedFileAppender}, a rolling file...). Every limit has a safe default
 * and every refusal or drop is counted ({@code logshield.receiver.*} meters, see {@link ReceiverMetrics}).
 *
 * <p>Logback 1.5/1.6 have no {@code <receiver>} element; declare it as a context listener (anywhere in the file: it
 * binds its port when started and accepts connections only once the configuration has ended, its appenders attached):
 * <pre>{@code
 * <configuration>
 *   <appender name="VAULT" class="...">...</appender>
 *   <root level="DEBUG"><appender-ref ref="VAULT"/></root>
 *   <contextListener class="dev.logshield.tls.receiver.MtlsReceiver">
 *     <address>0.0.0.0</address>                <!-- default: every interface -->
 *     <port>6514</port>                         <!-- default 6514; 0 picks a free port -->
 *     <certificate>/etc/logshield/receiver.pem</certificate>
 *     <privateKey>/etc/logshield/receiver.key</privateKey>
 *     <trustedCertificates>/etc/logshield/clients-ca.pem</trustedCertificates>
 *     <allowedName>web-1.example.internal</allowedName>   <!-- SAN DNS (CN without SANs), ASCII; *.x for one label -->
 *     <allowedSubject>CN=web-2,O=Example</allowedSubject>  <!-- whole subject DN, exactly -->
 *     <allowedSpki>sha256/AAAA...=</allowedSpki>           <!-- public-key pin -->
 *     <framing>auto</framing>                   <!-- auto | octet-counting | newline | relp -->
 *     <format>auto</format>                     <!-- auto | syslog | json -->
 *     <redaction>                               <!-- optional; default: built-in detectors + the context's policy -->
 *       <detector>ipv4: mask keepNetwork=true</detector>
 *     </redaction>
 *   </contextListener>
 * </configuration>
 * }</pre>
 * Key and trust material may also come from {@code <keyStore>}/{@code <keyStorePassword>}/{@code <keyAlias>} and
 * {@code <trustStore>}/{@code <trustStorePassword>}/{@code <trustStoreType>}. {@code <revocationList>} (repeatable)
 * names files of CRLs of the clients' CAs, the root's and each intermediate's: every certificate of a client's chain
 * is checked against them during the handshake, and a client whose chain holds a revoked certificate, or a CA without
 * a current CRL (unless {@code <revocationSoftFail>true</revocationSoftFail>}), is refused before a byte is read;
 * resumed TLS sessions are checked against the lists again. The files are re-read when they change (see
 * {@code RevocationList}).
 * {@code <allowAnyClient>true</allowAnyClient>} accepts every certificate the trusted CAs issued (warned at start);
 * without it an empty allow-list is an error.
 *
 * <p>Limits, with their defaults: {@code <maxConnections>} 512 (handshaking ones included),
 * {@code <maxHandshakes>} a quarter of maxConnections, at least 8 (connections in their TLS handshake, from all
 * sources: the rest is kept for authenticated clients; when all are taken, the oldest handshake gives way to a new
 * connection),
 * {@code <maxHandshakesPerAddress>} 8 (per IPv4 address, per IPv6 /64), {@code <maxConnectionsPerClient>} 16,
 * {@code <maxFrameSize>} 128 KB (RELP's usual maximum, and the largest event {@code MtlsAppender} sends over RELP;
 * frames being read then take at most maxConnections &times; maxFrameSize = 64 MiB), {@code <handshakeTimeout>} 10
 * seconds, {@code <idleTimeout>} 10 minutes, {@code <frameTimeout>} 30 seconds (a frame, once started, must arrive
 * whole within it), {@code <maxEventsPerSecond>} 10000 per client (burst one second's worth; a faster client is
 * slowed down, never dropped), {@code <queueSize>} 8192 events and {@code <queueMaxBytes>} 64 MB waiting for the appenders (connections
 * wait when it is full), {@code <stopTimeout>} 5 seconds to hand queued events over at stop.
 * {@code <statsInterval>} (off by default) logs a one-line summary of the counters as a status message;
 * {@code <metricsRegistry>} names the Micrometer registry as for the appenders.
 *
 * <p>Each event keeps the logger name, level, message, time, thread and fields the client sent (fields become the
 * MDC); the client's identity is added as MDC {@code client.name} (its first SAN DNS name, else the CN of a
 * certificate without SANs, else the subject), {@code client.cn}, {@code client.subject}, {@code client.spki} and
 * {@code client.address}, after removing any client-sent field starting with {@code client.}. A stack trace the
 * client sent is the MDC entry {@code stack_trace}. Events go through the logger of their name (its level and
 * appenders); TurboFilters are not applied. On RELP, an event is acknowledged only once it has been handed to the
 * appenders, and refused ({@code 500}, the client sends it again) when no started appender takes it. Single-line
 * fields (logger, thread, MDC keys and values, host and app names) arrive neutralised against log injection; the
 * message keeps its line breaks for the text output to escape once: write text through
 * {@code RedactingPatternLayoutEncoder} (a plain encoder draws a status warning when the receiver starts serving).
 *
 * <p>The appenders get every event redacted, whatever they are (a plain file, the console, another collector): its
 * message and MDC (the fields the client sent, the stack trace, and the identity entries too, so the default
 * {@code ipv4} detector masks the address in {@code client.address}) pass through the redacted view of
 * {@code SinkRedaction}, as in LogShield's own appenders. The nested {@code <redaction>} element changes what is
 * redacted (e.g. {@code <detector>ipv4: mask keepNetwork=true</detector>}); {@code <enabled>false</enabled>} in it
 * hands events on as received, with a status warning.
 *
 * <p>The context stops the receiver when it stops or is reset, before its appenders are stopped, so queued events
 * still reach them. Embedding without XML: {@code setContext(loggerContext)}, the setters, {@link #start()}, then
 * {@link #localPort()}.
 */
public class MtlsReceiver extends ContextAwareBase implements LifeCycle, LoggerContextListener {

    private static final long TLS_FILE_CHECK_MILLIS = 1_000;

    private final ReceiverTlsOptions tls = new ReceiverTlsOptions();
    private final List<String> allowedNames = new ArrayList<>();
    private final List<String> allowedSubjects = new ArrayList<>();
    private final List<String> allowedSpkis = new ArrayList<>();
    private final ReceiverOptions options = new ReceiverOptions();
    private boolean allowAnyClient;
    private String metricsRegistry;
    private RedactionSettings redaction;

    private ReceiverServer server;
    private ConfiguredContextGate configured;

    /** The local address to listen on (a name or IP literal); default every interface. */
    public void setAddress(String address) {
        options.address = address;
    }

    /** The port; default 6514 (syslog over TLS); 0 picks a free one, see {@link #localPort()}. */
    public void setPort(int port) {
        options.port = port;
    }

    /** The receiver's certificate, PEM, leaf first. */
    public void setCertificate(String certificate) {
        tls.elements.certificate = certificate;
    }

    /** The receiver's private key, PEM. */
    public void setPrivateKey(String privateKey) {
        tls.elements.privateKey = privateKey;
    }

    /** The password of an encrypted {@code <privateKey>}. */
    public void setPrivateKeyPassword(String privateKeyPassword) {
        tls.elements.privateKeyPassword = privateKeyPassword;
    }

    /** The receiver's key and chain as PKCS#12 instead of PEM. */
    public void setKeyStore(String keyStore) {
        tls.elements.keyStore = keyStore;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        tls.elements.keyStorePassword = keyStorePassword;
    }

    /** The key store entry, when it holds several keys. */
    public void setKeyAlias(String keyAlias) {
        tls.elements.keyAlias = keyAlias;
    }

    /** The CA certificates (PEM) that issue the clients' certificates. */
    public void setTrustedCertificates(String trustedCertificates) {
        tls.elements.trustedCertificates = trustedCertificates;
    }

    /** The clients' CAs as a PKCS#12 or JKS trust store instead of PEM. */
    public void setTrustStore(String trustStore) {
        tls.elements.trustStore = trustStore;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        tls.elements.trustStorePassword = trustStorePassword;
    }

    /** {@code PKCS12} or {@code JKS}; detected when absent. */
    public void setTrustStoreType(String trustStoreType) {
        tls.elements.trustStoreType = trustStoreType;
    }

    /**
     * A file of certificate revocation lists (PEM or DER) of the clients' CAs; repeatable. A client whose chain holds
     * a listed certificate is refused ({@code connections.rejected{reason=revoked}}), so is one whose chain goes
     * through a CA without a current CRL ({@code reason=revocation-unknown}). Re-read when the files change.
     */
    public void addRevocationList(String revocationList) {
        tls.elements.revocationLists.add(revocationList);
    }

    /**
     * {@code true} accepts a client chain with a CA that has no current CRL in the revocation lists (warned at
     * start); default {@code false}: such a chain is refused.
     */
    public void setRevocationSoftFail(boolean revocationSoftFail) {
        tls.elements.revocationSoftFail = revocationSoftFail;
    }

    /** {@code TLSv1.3,TLSv1.2} (default) or one of them. */
    public void setProtocols(String protocols) {
        tls.elements.protocols = protocols;
    }

    /** A client allowed by its CN or a SAN DNS name; {@code *.example.internal} allows one label. Repeatable. */
    public void addAllowedName(String name) {
        allowedNames.add(name);
    }

    /** A client allowed by its whole subject DN, e.g. {@code CN=web-2,O=Example}. Repeatable. */
    public void addAllowedSubject(String subject) {
        allowedSubjects.add(subject);
    }

    /** A client allowed by its public key's pin, {@code sha256/BASE64}. Repeatable. */
    public void addAllowedSpki(String pin) {
        allowedSpkis.add(pin);
    }

    /** True: every certificate the trusted CAs issued is accepted, no allow-list (warned at start). */
    public void setAllowAnyClient(boolean allowAnyClient) {
        this.allowAnyClient = allowAnyClient;
    }

    /** {@code auto} (default: octet-counting or newline, per connection), {@code octet-counting}, {@code newline}, {@code relp}. */
    public void setFraming(String framing) {
        options.framing = framing;
    }

    /** {@code auto} (default: by the payload), {@code syslog} (RFC 5424/3164) or {@code json}. */
    public void setFormat(String format) {
        options.format = format;
    }

    public void setMaxConnections(int maxConnections) {
        options.maxConnections = maxConnections;
    }

    /**
     * Connections in their TLS handshake at once, from all sources: fewer than {@code <maxConnections>} (default a
     * quarter of it, at least 8), so that unauthenticated connections leave room for authenticated clients; when all are taken,
     * the oldest handshake gives way to a new connection.
     */
    public void setMaxHandshakes(int maxHandshakes) {
        options.maxHandshakes = maxHandshakes;
    }

    /** Connections in their TLS handshake at once from one IPv4 address or one IPv6 /64 (default 8). */
    public void setMaxHandshakesPerAddress(int maxHandshakesPerAddress) {
        options.maxHandshakesPerAddress = maxHandshakesPerAddress;
    }

    public void setMaxConnectionsPerClient(int maxConnectionsPerClient) {
        options.maxConnectionsPerClient = maxConnectionsPerClient;
    }

    public void setMaxFrameSize(FileSize maxFrameSize) {
        options.maxFrameSize = maxFrameSize;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        options.handshakeTimeout = handshakeTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        options.idleTimeout = idleTimeout;
    }

    public void setFrameTimeout(Duration frameTimeout) {
        options.frameTimeout = frameTimeout;
    }

    public void setMaxEventsPerSecond(int maxEventsPerSecond) {
        options.maxEventsPerSecond = maxEventsPerSecond;
    }

    public void setQueueSize(int queueSize) {
        options.queueSize = queueSize;
    }

    public void setQueueMaxBytes(FileSize queueMaxBytes) {
        options.queueMaxBytes = queueMaxBytes;
    }

    public void setStopTimeout(Duration stopTimeout) {
        options.stopTimeout = stopTimeout;
    }

    /** How often to add a status line summing up the counters; off by default. */
    public void setStatsInterval(Duration statsInterval) {
        options.statsInterval = statsInterval;
    }

    /** The Micrometer registry: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String metricsRegistry) {
        this.metricsRegistry = metricsRegistry;
    }

    /**
     * The nested {@code <redaction>} element: what is redacted from every received event before the appenders get
     * it. Default (no element): the built-in detectors plus the context's shared policy
     * ({@code logshield.redaction.policy}).
     */
    public void setRedaction(RedactionSettings redaction) {
        this.redaction = redaction;
    }

    /** The port listened on (the chosen one when {@code <port>} is 0), or -1 when not started. */
    public synchronized int localPort() {
        return server == null ? -1 : server.port();
    }

    @Override
    public synchronized boolean isStarted() {
        return server != null;
    }

    /**
     * Checks the configuration, binds the port and starts receiving; on any problem reports a status error saying
     * what to do and stays stopped.
     */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        if (!(getContext() instanceof LoggerContext)) {
            addError("MtlsReceiver needs a Logback classic LoggerContext to hand events to; declare it as a"
                    + " <contextListener> in logback.xml");
            return;
        }
        LoggerContext loggerContext = (LoggerContext) getContext();
        ReceiverSettings settings = options.settings(errors);
        WireFormats formats = StandardWireFormats.INSTANCE;
        EventParser parser = null;
        if (settings != null) {
            try {
                parser = formats.parser(settings.format());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        ReloadingServerContext contexts = null;
        try {
            contexts = ReloadingServerContext.start(tls.settings(), reloadListener(), TLS_FILE_CHECK_MILLIS);
        } catch (TlsConfigException e) {
            errors.add(e.getMessage());
        }
        AllowList allowList = null;
        try {
            allowList = AllowList.of(allowedNames, allowedSubjects, allowedSpkis, allowAnyClient);
        } catch (TlsConfigException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            for (String error : errors) {
                addError("MtlsReceiver stays stopped: " + error);
            }
            return;
        }
        for (String warning : TlsServerContextFactory.warnings(contexts.keyMaterial())) {
            addWarn("MtlsReceiver: " + warning);
        }
        contexts.trustMaterial().warnings().forEach(w -> addWarn("MtlsReceiver: " + w));
        contexts.settings().revocationSource().warnings().forEach(w -> addWarn("MtlsReceiver: " + w));
        contexts.revocationList().warnings().forEach(w -> addWarn("MtlsReceiver: " + w));
        if (allowList.allowsAnyClient()) {
            addWarn("MtlsReceiver: <allowAnyClient> is true: every client certificate issued by "
                    + contexts.trustMaterial().describe() + " is accepted; list the clients with <allowedName>,"
                    + " <allowedSubject> or <allowedSpki> to narrow it");
        }
        SinkRedaction sink = SinkRedaction.start(this, "MtlsReceiver", redaction, null);
        try {
            server = ReceiverServer.start(new ReceiverServer.Parts(settings, contexts, allowList, formats, parser,
                    new ReceivedEventFactory(loggerContext), this,
                    Meters.forRegistry(metricsRegistry, "MtlsReceiver", this::addWarn), loggerContext,
                    sink::apply));
        } catch (IOException | RuntimeException e) {
            addError("MtlsReceiver stays stopped: cannot listen on " + options.where()
                    + " (" + e.getMessage() + "); is another receiver or syslog daemon using the port? Choose another"
                    + " <port>, or <address> of this host", e);
            return;
        }
        // stopped by the context's reset before the appenders are detached and stopped, so queued events reach them
        loggerContext.register(this);
        String listening = options.where(server.port()) + " (" + settings.framing() + ", " + settings.format()
                + ", key " + contexts.keyMaterial().describe() + "); clients allowed: " + allowList.describe()
                + (contexts.revocationList() == RevocationList.NONE ? ""
                : "; revoked: " + contexts.revocationList().describe());
        ReceiverServer bound = server;
        configured = ConfiguredContextGate.whenConfigured(loggerContext, () -> open(bound, listening));
        if (!configured.isDone()) {
            addInfo("MtlsReceiver bound " + options.where(server.port()) + "; it accepts connections once the"
                    + " configuration has attached the appenders");
        }
    }

    /** Starts accepting connections: the context is configured, its appenders attached. */
    private synchronized void open(ReceiverServer bound, String listening) {
        if (server != bound) {
            return; // stopped meanwhile
        }
        new UnneutralizedOutputCheck((LoggerContext) getContext()).reportTo(this);
        bound.open();
        addInfo("MtlsReceiver listening on " + listening);
    }

    private ReloadingTlsContext.Listener reloadListener() {
        return new ReloadingTlsContext.Listener() {
            @Override
            public void reloadFailed(String problem) {
                addWarn("MtlsReceiver: " + problem);
            }

            @Override
            public void reloaded(KeyMaterial key, TrustMaterial trust) {
                addInfo("MtlsReceiver: TLS material reloaded: " + key.describe() + "; " + trust.describe());
            }
        };
    }

    /**
     * Stops accepting, lets every connection stop reading at its next frame boundary (on RELP after acknowledging
     * every event it handed to the appenders and sending {@code serverclose}, so clients resend none of them), hands
     * the queued events to the appenders, all within {@code <stopTimeout>} (what is left is counted in
     * {@code frames.dropped{reason=shutdown}}, connections still open are closed), frees the port.
     */
    @Override
    public synchronized void stop() {
        ReceiverServer current = server;
        if (current == null) {
            return;
        }
        server = null;
        configured.cancel();
        long dropped = current.stop();
        if (dropped > 0) {
            addWarn("MtlsReceiver on port " + current.port() + " stopped with " + dropped + " event(s) still queued after"
                    + " <stopTimeout> " + options.stopTimeout + " (counted in " + ReceiverMetrics.PREFIX
                    + "frames.dropped{reason=shutdown})");
        }
        addInfo("MtlsReceiver stopped; " + current.summary());
    }

    @Override
    public boolean isResetResistant() {
        return false;
    }

    @Override
    public void onStart(LoggerContext context) {
        // started by Joran, once configured
    }

    @Override
    public void onReset(LoggerContext context) {
        stop();
    }

    @Override
    public void onStop(LoggerContext context) {
        stop();
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
        // the dispatcher asks each logger its level at every event
    }
}
