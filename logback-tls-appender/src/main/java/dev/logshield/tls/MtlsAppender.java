package dev.logshield.tls;

import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import dev.logshield.metrics.Meters;
import dev.logshield.redact.logback.RedactionSettings;
import dev.logshield.redact.logback.SinkRedaction;
import dev.logshield.tls.delivery.DeliveryQueue;
import dev.logshield.tls.delivery.Destination;
import dev.logshield.tls.delivery.DiskSpool;
import dev.logshield.tls.delivery.OverflowPolicy;
import dev.logshield.tls.delivery.Sender;
import dev.logshield.tls.delivery.SenderSettings;
import dev.logshield.tls.delivery.SessionFactory;
import dev.logshield.tls.framing.relp.RelpCommandEncoder;
import dev.logshield.tls.delivery.TransportFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ships events to syslog collectors or JSON-lines inputs over mutual TLS 1.3/1.2, without ever doing network I/O on
 * the application's thread and without losing an event silently: the logging call encodes and enqueues into a bounded
 * buffer; one sender thread connects, writes, reconnects, re-sends and reports; every drop is counted
 * ({@code logshield.tls.dropped}).
 *
 * <p>The collector must read the {@code <framing>} sent (README, "Collectors", has their configurations). Tested
 * against: rsyslog's {@code imtcp} (gtls driver) and syslog-ng's {@code syslog(transport("tls"))} with
 * {@code octet-counting}, the default; rsyslog's {@code imrelp} with {@code relp}; syslog-ng's
 * {@code network(transport("tls"))} with {@code newline} only (it splits on newlines: octet-counted frames arrive cut
 * into a few messages, which the appender cannot notice). JSON-lines inputs (Logstash, Fluent Bit, Vector) take
 * {@code newline} but are untested.
 *
 * <p>Every event is redacted before its encoder sees it: the encoder gets the event's redacted view (message,
 * arguments, MDC, key-value pairs, markers and exceptions at any depth; see {@code SinkRedaction}), so the RFC 5424
 * MSG, its MDC and key-value structured data, and JSON lines leave the host without the secrets the built-in
 * detectors and the context's policy find. {@code <redaction>} changes what is redacted; an encoder that redacts by
 * itself ({@code RedactingJsonEncoder}) is handed the original event unless {@code <redaction>} is given;
 * {@code <redaction><enabled>false</enabled></redaction>} ships events as logged, with a status warning.
 *
 * <pre>{@code
 * <appender name="SHIP" class="dev.logshield.tls.MtlsAppender">
 *   <destination>logs.example.internal:6514</destination>
 *   <certificate>/etc/app/tls/client.pem</certificate>
 *   <privateKey>/etc/app/tls/client.key</privateKey>
 *   <trustedCertificates>/etc/app/tls/ca.pem</trustedCertificates>
 *   <!-- MSG, and the MDC and key-value pairs in its structured data: redacted by this appender -->
 *   <encoder class="dev.logshield.tls.framing.Rfc5424Encoder"/>
 *   <redaction>                                    <!-- optional; default: built-in detectors + the context's policy -->
 *     <policy>classpath:redaction-policy.yaml</policy>
 *     <detector>ipv4: mask keepNetwork=true</detector>
 *   </redaction>
 * </appender>
 * }</pre>
 */
public class MtlsAppender<E> extends UnsynchronizedAppenderBase<E> {

    private final List<String> destinations = new ArrayList<>();
    private final TlsOptions tls = new TlsOptions();
    private Encoder<E> encoder;
    private String framing = "octet-counting";
    private boolean preferPrimary = true;
    private int queueSize = 8192;
    private String overflowPolicy = "drop-newest";
    private Duration blockTimeout = Duration.buildByMilliseconds(100);
    private int batchSize = 512;
    private int replayWindow = 0;
    private int relpWindow = 128;
    private Duration connectTimeout = Duration.buildBySeconds(5);
    private Duration handshakeTimeout = Duration.buildBySeconds(10);
    private Duration rejectionProbe = Duration.buildByMilliseconds(300);
    private Duration reconnectDelayMin = Duration.buildByMilliseconds(200);
    private Duration reconnectDelayMax = Duration.buildBySeconds(30);
    private Duration stopTimeout = Duration.buildBySeconds(5);
    private Duration writeTimeout = Duration.buildByMilliseconds(SenderSettings.DEFAULT_WRITE_TIMEOUT_MS);
    private String spoolDirectory;
    private FileSize spoolMaxSize = new FileSize(1024L * 1024 * 1024);
    private String metricsRegistry;
    private RedactionSettings redactionSettings;

    private Sender sender;
    private SessionFactory sessions;
    private SinkRedaction redaction;
    private DeliveryQueue queue;
    private TlsMetrics metrics;
    private ScheduledFuture<?> dropReports;

    public void setEncoder(Encoder<E> encoder) {
        this.encoder = encoder;
    }

    public Encoder<E> getEncoder() {
        return encoder;
    }

    /** A collector, {@code host:port}; repeatable, in order of preference. */
    public void addDestination(String destination) {
        destinations.add(destination == null ? "" : destination.trim());
    }

    /** {@code octet-counting} (RFC 5425, default), {@code newline} (JSON lines) or {@code relp}. */
    public void setFraming(String framing) {
        this.framing = framing;
    }

    /** True (default): every reconnect tries the destinations from the first; false: stay where it works. */
    public void setPreferPrimary(boolean preferPrimary) {
        this.preferPrimary = preferPrimary;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** {@code drop-newest} (default), {@code drop-oldest} or {@code block} (up to {@code blockTimeout}). */
    public void setOverflowPolicy(String overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    public void setBlockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Events re-sent after a reconnect without acknowledgements (octet counting, newline); 0 (default) is off. */
    public void setReplayWindow(int replayWindow) {
        this.replayWindow = replayWindow;
    }

    /** RELP: most events sent and not yet acknowledged (default 128). */
    public void setRelpWindow(int relpWindow) {
        this.relpWindow = relpWindow;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    /** How long to listen after the handshake for a rejection (TLS 1.3 rejects client certificates late). */
    public void setRejectionProbe(Duration rejectionProbe) {
        this.rejectionProbe = rejectionProbe;
    }

    public void setReconnectDelayMin(Duration reconnectDelayMin) {
        this.reconnectDelayMin = reconnectDelayMin;
    }

    public void setReconnectDelayMax(Duration reconnectDelayMax) {
        this.reconnectDelayMax = reconnectDelayMax;
    }

    /** How long {@code stop()} may spend delivering what is buffered (default 5 seconds). */
    public void setStopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    /**
     * How long a write may stay blocked, or RELP acknowledgements stay away, before the collector is taken for dead
     * (hung, or gone from the network without a reset) and the connection is dropped and reopened (default 30
     * seconds; 0 never).
     */
    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** A directory for events that cannot be sent while the collector is away (off by default). */
    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public void setSpoolMaxSize(FileSize spoolMaxSize) {
        this.spoolMaxSize = spoolMaxSize;
    }

    public void setMetricsRegistry(String metricsRegistry) {
        this.metricsRegistry = metricsRegistry;
    }

    /**
     * The nested {@code <redaction>} element: what is redacted from every event before it is encoded. Default (no
     * element): the built-in detectors plus the context's shared policy ({@code logshield.redaction.policy}).
     */
    public void setRedaction(RedactionSettings redaction) {
        this.redactionSettings = redaction;
    }

    // TLS material: certificate/privateKey/privateKeyPassword or keyStore/keyStorePassword/keyAlias;
    // trustedCertificates or trustStore/trustStorePassword/trustStoreType; revocation lists; pins; hostname
    // verification; protocols.

    public void setCertificate(String certificate) {
        tls.elements.certificate = certificate;
    }

    public void setPrivateKey(String privateKey) {
        tls.elements.privateKey = privateKey;
    }

    public void setPrivateKeyPassword(String privateKeyPassword) {
        tls.elements.privateKeyPassword = privateKeyPassword;
    }

    public void setKeyStore(String keyStore) {
        tls.elements.keyStore = keyStore;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        tls.elements.keyStorePassword = keyStorePassword;
    }

    public void setKeyAlias(String keyAlias) {
        tls.elements.keyAlias = keyAlias;
    }

    public void setTrustedCertificates(String trustedCertificates) {
        tls.elements.trustedCertificates = trustedCertificates;
    }

    public void setTrustStore(String trustStore) {
        tls.elements.trustStore = trustStore;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        tls.elements.trustStorePassword = trustStorePassword;
    }

    public void setTrustStoreType(String trustStoreType) {
        tls.elements.trustStoreType = trustStoreType;
    }

    /**
     * A file of certificate revocation lists (PEM or DER) of the server's CAs, root and intermediates; repeatable.
     * Every certificate of the server's chain is checked against them; a revoked one, or a CA without a current CRL
     * (unless {@code <revocationSoftFail>}), refuses the connection. Re-read when the files change.
     */
    public void addRevocationList(String revocationList) {
        tls.elements.revocationLists.add(revocationList);
    }

    /**
     * {@code true} accepts a server chain with a CA that has no current CRL in the revocation lists (warned at
     * start); default {@code false}: such a chain is refused.
     */
    public void setRevocationSoftFail(boolean revocationSoftFail) {
        tls.elements.revocationSoftFail = revocationSoftFail;
    }

    /** An SPKI pin {@code sha256/BASE64} the verified server certificate must match; repeatable. */
    public void addPin(String pin) {
        tls.pins.add(pin == null ? "" : pin.trim());
    }

    public void setHostnameVerification(boolean hostnameVerification) {
        tls.hostnameVerification = hostnameVerification;
    }

    /** {@code TLSv1.3,TLSv1.2} (default) or one of them. */
    public void setProtocols(String protocols) {
        tls.elements.protocols = protocols;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        int errors = 0;
        if (encoder == null) {
            addError("no <encoder> for [" + name + "]: use dev.logshield.tls.framing.Rfc5424Encoder for syslog, or a JSON encoder");
            errors++;
        } else if (!encoder.isStarted()) {
            encoder.start();
        }
        List<Destination> parsed = new ArrayList<>();
        if (destinations.isEmpty()) {
            addError("no <destination> for [" + name + "]: add <destination>host:port</destination>");
            errors++;
        }
        for (String destination : destinations) {
            try {
                parsed.add(Destination.parse(destination, 6514));
            } catch (IllegalArgumentException e) {
                addError("bad <destination> '" + destination + "' for [" + name + "]: " + e.getMessage());
                errors++;
            }
        }
        OverflowPolicy overflow = OverflowPolicy.parse(overflowPolicy);
        if (overflow == null) {
            addError("unknown <overflowPolicy> '" + overflowPolicy + "': use drop-newest, drop-oldest or block");
            errors++;
        }
        if (queueSize < 1 || batchSize < 1 || replayWindow < 0 || relpWindow < 1) {
            addError("<queueSize>, <batchSize> and <relpWindow> must be positive, <replayWindow> not negative");
            errors++;
        }
        SessionFactory sessions = null;
        TransportFactory transports = null;
        try {
            sessions = Sessions.forFraming(framing, relpWindow, name);
            transports = tls.transportFactory(tls.settings(), new TlsOptions.ContextListener() {
                @Override
                public void reloaded(String what) {
                    addInfo("[" + name + "] " + what);
                }

                @Override
                public void reloadFailed(String problem) {
                    addWarn("[" + name + "] " + problem);
                }

                @Override
                public void warning(String warning) {
                    addWarn("[" + name + "] " + warning);
                }
            }, (int) connectTimeout.getMilliseconds(), (int) handshakeTimeout.getMilliseconds(),
                    (int) rejectionProbe.getMilliseconds());
        } catch (IllegalArgumentException | TlsSetupException e) {
            addError("[" + name + "] stays stopped: " + e.getMessage());
            errors++;
        }
        DiskSpool spool = null;
        if (errors == 0 && spoolDirectory != null && !spoolDirectory.isBlank()) {
            try {
                spool = new DiskSpool(Path.of(spoolDirectory.trim()), spoolMaxSize.getSize(), 4L * 1024 * 1024);
            } catch (IOException e) {
                addError("[" + name + "] stays stopped: cannot use spool directory " + spoolDirectory + ": " + e.getMessage());
                errors++;
            }
        }
        if (errors > 0) {
            return;
        }
        redaction = SinkRedaction.start(this, "MtlsAppender [" + name + "]", redactionSettings, encoder);
        queue = new DeliveryQueue(queueSize);
        metrics = new TlsMetrics(this, Meters.forRegistry(metricsRegistry, "MtlsAppender [" + name + "]", this::addWarn),
                name == null ? "" : name, queue, spool);
        SenderSettings settings = new SenderSettings(parsed, preferPrimary, batchSize, replayWindow,
                reconnectDelayMin.getMilliseconds(), reconnectDelayMax.getMilliseconds(), stopTimeout.getMilliseconds(),
                writeTimeout.getMilliseconds());
        this.sessions = sessions;
        sender = new Sender(settings, queue, spool, overflow, blockTimeout.getMilliseconds(), transports, sessions,
                metrics, "logshield-mtls-" + name);
        metrics.bind(sender, parsed);
        sender.start();
        // drops after a report are said once the report period is over, even if no further drop comes
        dropReports = getContext().getScheduledExecutorService().scheduleWithFixedDelay(metrics::reportDrops, 1, 1,
                TimeUnit.SECONDS);
        getContext().addScheduledFuture(dropReports);
        super.start();
    }

    @Override
    protected void append(E event) {
        Sender current = sender;
        if (current == null) {
            return;
        }
        byte[] bytes;
        try {
            if (event instanceof DeferredProcessingAware deferred) {
                deferred.prepareForDeferredProcessing();
            }
            bytes = encoder.encode(redaction.applyToAny(event));
        } catch (RuntimeException e) {
            metrics.dropped(1, "encode-failed");
            metrics.reportOnce("encoder failed for [" + name + "]; the event is dropped and counted", e);
            return;
        }
        if (bytes == null || bytes.length == 0) {
            return;
        }
        if (!sessions.carries(bytes)) {
            metrics.tooLarge(bytes.length, "[" + name + "] longer than <framing>" + framing + "</framing> carries"
                    + " (RELP: " + RelpCommandEncoder.DEFAULT_MAX_DATA_LENGTH + " bytes, the collector's default"
                    + " maxDataSize)");
            return;
        }
        current.accept(bytes);
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        Sender current = sender;
        sender = null;
        if (dropReports != null) {
            dropReports.cancel(false);
            dropReports = null;
        }
        if (current != null) {
            metrics.stopped(current.stop());
        }
        if (encoder != null) {
            encoder.stop();
        }
    }
}
