package dev.logshield.crypto;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.RollingPolicyBase;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.verify.Anchor;
import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import dev.logshield.redact.logback.RedactionSettings;
import dev.logshield.redact.logback.SinkRedaction;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * A rolling file appender whose files are encrypted and tamper-evident (LSE format, see FORMAT.md): every record
 * is sealed with AES-256-GCM or ChaCha20-Poly1305 under a per-segment data key wrapped for the configured readers
 * (X25519 recipients, so the host can write but never read its logs, and/or keystore KEKs). Works with any
 * encoder and with Logback's time/size rolling policies and their retention settings.
 *
 * <pre>{@code
 * <appender name="VAULT" class="dev.logshield.crypto.EncryptedFileAppender">
 *   <file>logs/app.lse</file>
 *   <rollingPolicy class="ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy">
 *     <fileNamePattern>logs/app.%d{yyyy-MM-dd}.%i.lse</fileNamePattern>
 *     <maxFileSize>100MB</maxFileSize><maxHistory>30</maxHistory><totalSizeCap>5GB</totalSizeCap>
 *   </rollingPolicy>
 *   <recipient>${LOGSHIELD_RECIPIENT}</recipient>
 *   <encoder><pattern>%d %-5level %logger - %msg%n</pattern></encoder>
 * </appender>
 * }</pre>
 * Misconfiguration (no reader key, an unreadable key, prudent mode, compressed rollover) leaves it stopped with a
 * status error: nothing is ever written in clear.
 *
 * <p>Encryption keeps the file from whoever holds no key; it does not keep secrets from whoever reads the logs. So
 * every event is redacted before the encoder sees it, whatever the encoder (a plain pattern, logstash-logback-
 * encoder): the encoder gets the event's redacted view (message, arguments, MDC, key-value pairs, markers and
 * exceptions at any depth; see {@code SinkRedaction}). {@code <redaction>} changes what is redacted; an encoder that
 * redacts by itself ({@code RedactingPatternLayoutEncoder}, {@code RedactingJsonEncoder}) is handed the original
 * event unless {@code <redaction>} is given; {@code <redaction><enabled>false</enabled></redaction>} writes events as
 * logged, with a status warning.
 * <pre>{@code
 * <redaction>                      <!-- optional; default: built-in detectors + the context's policy -->
 *   <policy>classpath:redaction-policy.yaml</policy>
 *   <sensitiveKey>pin, otp</sensitiveKey>
 * </redaction>
 * }</pre>
 */
public class EncryptedFileAppender<E> extends RollingFileAppender<E> {

    static final String WRITER = "logshield-crypto/1";

    /**
     * Test seam, not configuration: a {@code UnaryOperator<FileChannel>} put into the Logback context under this
     * key before the appender starts decorates every channel the appender opens on its log files, so that tests can
     * count {@code force} calls and make writes fail for real. Package-private; absent in production.
     */
    static final String CHANNEL_DECORATOR = EncryptedFileAppender.class.getName() + ".channelDecorator";

    /**
     * Test seam, not configuration: a {@code LongSupplier} put into the Logback context under this key before the
     * appender starts is the wall clock (milliseconds) it seals with, so that tests step it forward and back instead
     * of sleeping. Package-private; absent in production.
     */
    static final String CLOCK = EncryptedFileAppender.class.getName() + ".clock";

    private final List<String> recipients = new ArrayList<>();
    private final List<String> recipientsFiles = new ArrayList<>();
    private final List<KeystoreKey> keystores = new ArrayList<>();
    private final Queue<String> pendingAnchors = new ConcurrentLinkedQueue<>();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, EventCounter> dropCounters = new ConcurrentHashMap<>();

    private String cipher = CipherSuite.AES_256_GCM.displayName();
    private String syncPolicy = SyncPolicy.INTERVAL.name();
    private Duration syncInterval = Duration.buildBySeconds(1);
    private int ratchetRecords = 1000;
    private Duration ratchetInterval = Duration.buildBySeconds(60);
    private FileSize maxBatchSize = new FileSize(64 * 1024);
    private Duration maxBatchDelay = Duration.buildBySeconds(1);
    private String sealState;
    private String anchorLogger;
    private String chainState;
    private String metricsRegistry;
    private RedactionSettings redactionSettings;

    private SinkRedaction redaction;
    private List<DataKeyWrapper> readers;
    private SegmentSettings segmentSettings;
    private SyncPolicy sync;
    private ChainStateFile chainStateFile;
    private ChainLink lastLink;
    private ScheduledFuture<?> ticker;
    private UnaryOperator<FileChannel> channelDecorator = UnaryOperator.identity();
    private LongSupplier clock = System::currentTimeMillis;
    private Meters meters = Meters.NOOP;
    private EventCounter recordsCounter = EventCounter.NOOP;
    private EventCounter eventsCounter = EventCounter.NOOP;
    private EventCounter segmentsCounter = EventCounter.NOOP;
    private EventCounter failuresCounter = EventCounter.NOOP;
    private EventCounter checkpointsCounter = EventCounter.NOOP;
    private final ErrorThrottle errors = new ErrorThrottle(10_000);

    /** An X25519 recipient ({@code age1...}); repeatable. */
    public void addRecipient(String recipient) {
        if (recipient != null && !recipient.isBlank()) {
            recipients.add(recipient.trim());
        } else {
            recipients.add("");
        }
    }

    /**
     * A file of recipients, one {@code age1...} per line ({@code #} comments and blank lines ignored), as
     * distributed to hosts by whoever holds the identities; repeatable, and combinable with {@code <recipient>}.
     */
    public void addRecipientsFile(String recipientsFile) {
        recipientsFiles.add(recipientsFile == null ? "" : recipientsFile.trim());
    }

    /** A key-encryption key in a PKCS#12 keystore; repeatable. */
    public void addKeystore(KeystoreKey keystore) {
        keystores.add(keystore);
    }

    /** {@code AES-256-GCM} (default) or {@code ChaCha20-Poly1305}. */
    public void setCipher(String cipher) {
        this.cipher = cipher;
    }

    /** {@code none}, {@code interval} (default), {@code every-record} or {@code on-rollover}. */
    public void setSyncPolicy(String syncPolicy) {
        this.syncPolicy = syncPolicy;
    }

    /** Period of the {@code interval} sync policy (default 1 second). */
    public void setSyncInterval(Duration syncInterval) {
        this.syncInterval = syncInterval;
    }

    /** Records per key epoch before the record key ratchets forward (default 1000; 0: no count limit). */
    public void setRatchetRecords(int ratchetRecords) {
        this.ratchetRecords = ratchetRecords;
    }

    /** Time per key epoch before the record key ratchets forward (default 60 seconds; 0: no time limit). */
    public void setRatchetInterval(Duration ratchetInterval) {
        this.ratchetInterval = ratchetInterval;
    }

    /** Largest batch sealed into one record when {@code immediateFlush} is false (default 64 KB). */
    public void setMaxBatchSize(FileSize maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /** Longest time an event waits in a batch when {@code immediateFlush} is false (default 1 second). */
    public void setMaxBatchDelay(Duration maxBatchDelay) {
        this.maxBatchDelay = maxBatchDelay;
    }

    /** The host's seal state file ({@code logcrypt keygen --seal}); turns on forward-secure checkpoints. */
    public void setSealState(String sealState) {
        this.sealState = sealState;
    }

    /** Logger that receives every checkpoint as one {@code lse-anchor} line (route it to a remote appender). */
    public void setAnchorLogger(String anchorLogger) {
        this.anchorLogger = anchorLogger;
    }

    /**
     * Where the link to the next segment is remembered (default: {@code .<appender name>.lse-chain} beside
     * {@code <file>}; without {@code <file>}, in the fixed directory of the {@code fileNamePattern}, above any dated
     * directory, so that a restart in a later period finds it).
     */
    public void setChainState(String chainState) {
        this.chainState = chainState;
    }

    /** Micrometer registry name ({@code global} by default, {@code none} to turn metrics off). */
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

    @Override
    public void start() {
        if (!configurationIsValid()) {
            return;
        }
        bindMeters();
        channelDecorator = channelDecorator();
        clock = getContext().getObject(CLOCK) instanceof LongSupplier injected ? injected : System::currentTimeMillis;
        redaction = SinkRedaction.start(this, getClass().getSimpleName() + " [" + getName() + "]", redactionSettings,
                getEncoder());
        super.start();
        if (isStarted()) {
            ticker = getContext().getScheduledExecutorService().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    private boolean configurationIsValid() {
        boolean valid = true;
        if (isPrudent()) {
            addError("prudent mode is not supported by " + getClass().getSimpleName() + " [" + getName()
                    + "]: several JVMs appending to one encrypted file would interleave segments. Give each JVM its own file.");
            valid = false;
        }
        if (getRollingPolicy() != null && getRollingPolicy().getCompressionMode() != CompressionMode.NONE) {
            addError("compressed rollover (.gz/.zip fileNamePattern) is not supported by [" + getName()
                    + "]: ciphertext does not compress, and compression would rewrite the files outside the chain."
                    + " Remove the .gz/.zip suffix.");
            valid = false;
        }
        if (getEncoder() == null) {
            addError("no encoder set for [" + getName() + "]");
            valid = false;
        }
        CipherSuite suite = CipherSuite.byName(cipher);
        if (suite == null) {
            addError("unknown <cipher> '" + cipher + "' for [" + getName() + "]: use AES-256-GCM or ChaCha20-Poly1305");
            valid = false;
        }
        sync = SyncPolicy.parse(syncPolicy);
        if (sync == null) {
            addError("unknown <syncPolicy> '" + syncPolicy + "': use none, interval, every-record or on-rollover");
            valid = false;
        }
        if (ratchetRecords < 0) {
            addError("<ratchetRecords> cannot be negative");
            valid = false;
        }
        try {
            readers = ReaderKeys.resolve(recipients, recipientsFiles, keystores);
        } catch (KeyMaterialException e) {
            addError("[" + getName() + "] stays stopped, nothing is written: " + e.getMessage());
            valid = false;
        }
        SealKeySource seal = null;
        if (sealState != null && !sealState.isBlank()) {
            try {
                seal = SealStateKeySource.load(Path.of(sealState.trim()));
            } catch (KeyMaterialException e) {
                addError("[" + getName() + "] stays stopped: seal state " + sealState + ": " + e.getMessage());
                valid = false;
            }
        }
        if (!valid) {
            return false;
        }
        int ratchetSeconds = ratchetInterval == null ? 0 : (int) Math.min(Integer.MAX_VALUE,
                ratchetInterval.getMilliseconds() / 1000);
        segmentSettings = new SegmentSettings(suite, ratchetRecords, ratchetSeconds, !isImmediateFlush(), seal,
                (core, checkpoint) -> {
                    checkpointsCounter.increment();
                    if (anchorLogger != null) {
                        pendingAnchors.add(Anchor.line(core.segmentId(), core.seriesIndex(), checkpoint));
                    }
                });
        return true;
    }

    private void bindMeters() {
        meters = Meters.forRegistry(metricsRegistry, "EncryptedFileAppender [" + getName() + "]", this::addWarn);
        String name = getName() == null ? "" : getName();
        recordsCounter = meters.counter("logshield.crypto.records", "Encrypted records written", "appender", name);
        eventsCounter = meters.counter("logshield.crypto.events", "Events written into encrypted records", "appender", name);
        segmentsCounter = meters.counter("logshield.crypto.segments", "Encrypted segments started", "appender", name);
        failuresCounter = meters.counter("logshield.crypto.failures",
                "I/O or fsync failures that ended a segment", "appender", name);
        checkpointsCounter = meters.counter("logshield.crypto.checkpoints", "Forward-secure checkpoints written",
                "appender", name);
    }

    @SuppressWarnings("unchecked")
    private UnaryOperator<FileChannel> channelDecorator() {
        Object decorator = getContext().getObject(CHANNEL_DECORATOR);
        return decorator instanceof UnaryOperator<?> operator
                ? (UnaryOperator<FileChannel>) operator : UnaryOperator.identity();
    }

    private SecureFiles.Opened openForAppend(Path path) throws IOException {
        SecureFiles.Opened opened = SecureFiles.openForAppend(path);
        return new SecureFiles.Opened(channelDecorator.apply(opened.channel()), opened.created());
    }

    private EventCounter dropCounter(String reason) {
        return dropCounters.computeIfAbsent(reason, r -> meters.counter("logshield.crypto.dropped",
                "Events the encrypted appender could not write", "appender", getName() == null ? "" : getName(),
                "reason", r));
    }

    @Override
    public void openFile(String fileName) throws IOException {
        streamWriteLock.lock();
        try {
            Path path = Path.of(fileName);
            SecureFiles.createParentDirectories(path);
            if (chainStateFile == null) {
                chainStateFile = new ChainStateFile(chainState != null && !chainState.isBlank()
                        ? Path.of(chainState.trim())
                        : ChainStateFile.defaultPath(getName(), rawFileProperty(), getRollingPolicy()
                                instanceof RollingPolicyBase base ? base.getFileNamePattern() : null, path));
            }
            ChainLink link = linkFor(path);
            SegmentOutputStream.SegmentStarter starter = new SegmentOutputStream.SegmentStarter() {
                @Override
                public FileChannel open() throws IOException {
                    return openForAppend(path).channel();
                }

                @Override
                public SegmentWriter start(FileChannel channel, ChainLink next, long nowMs)
                        throws IOException, KeyMaterialException {
                    return startSegment(channel, next, nowMs, path);
                }
            };
            SegmentOutputStream stream;
            try {
                SecureFiles.Opened opened = openForAppend(path);
                if (opened.created()) {
                    SecureFiles.syncDirectory(path.toAbsolutePath().getParent());
                } else if (SecureFiles.tooOpen(path)) {
                    SecureFiles.restrict(path);
                    addWarn(path + " was readable or writable by other users; its mode is now 0600");
                }
                SegmentWriter writer;
                try {
                    writer = startSegment(opened.channel(), link, clock.getAsLong(), path);
                } catch (IOException | KeyMaterialException | RuntimeException e) {
                    opened.channel().close();
                    throw e;
                }
                segmentsCounter.increment();
                stream = newStream(path, opened.channel(), writer, link, starter);
            } catch (IOException | KeyMaterialException | RuntimeException e) {
                if (!isStarted()) {
                    throw new IOException("cannot start an encrypted segment in " + path + ": " + e.getMessage(), e);
                }
                // after a rollover: keep the appender up, drop and count until a segment can be started
                addError("cannot start an encrypted segment in " + path + " after rollover; retrying with backoff", e);
                stream = newStream(path, null, null, link, starter);
            }
            setOutputStream(stream);
        } finally {
            streamWriteLock.unlock();
        }
    }

    private SegmentOutputStream newStream(Path path, FileChannel channel, SegmentWriter writer, ChainLink link,
                                          SegmentOutputStream.SegmentStarter starter) {
        return new SegmentOutputStream(path, channel, writer, link, starter, new StreamListener(), sync,
                syncInterval.getMilliseconds(), (int) Math.min(Integer.MAX_VALUE, maxBatchSize.getSize()),
                maxBatchDelay.getMilliseconds(), isImmediateFlush(), clock);
    }

    private SegmentWriter startSegment(FileChannel channel, ChainLink link, long nowMs, Path path)
            throws IOException, KeyMaterialException {
        Map<SegmentMetadata.Field, String> meta = new EnumMap<>(SegmentMetadata.Field.class);
        putIfPresent(meta, SegmentMetadata.Field.HOSTNAME, getContext().getProperty(CoreConstants.HOSTNAME_KEY));
        putIfPresent(meta, SegmentMetadata.Field.APPLICATION, getContext().getName());
        putIfPresent(meta, SegmentMetadata.Field.APPENDER, getName());
        putIfPresent(meta, SegmentMetadata.Field.ENCODER, getEncoder() == null ? null : getEncoder().getClass().getName());
        meta.put(SegmentMetadata.Field.WRITER, WRITER);
        putIfPresent(meta, SegmentMetadata.Field.FILE, path.getFileName().toString());
        SegmentWriter writer = SegmentWriter.start((bytes, offset, length) -> SegmentOutputStream.writeFully(channel,
                bytes, offset, length), segmentSettings, link, readers, new SegmentMetadata(meta), random, nowMs);
        try {
            // until it ends, the segment's file is what a restart after a crash must link past (whatever its name)
            chainStateFile.segmentStarted(writer.nextLink(), path);
        } catch (IOException e) {
            addWarn("cannot remember the segment being written in " + chainStateFile.path() + ": " + e.getMessage());
        }
        return writer;
    }

    private static void putIfPresent(Map<SegmentMetadata.Field, String> meta, SegmentMetadata.Field field, String value) {
        if (value != null && !value.isEmpty()) {
            meta.put(field, value);
        }
    }

    /**
     * The predecessor of the segment about to start: the last segment already in the file (a restart: it is
     * scanned without keys, through its last complete record even after a crash), else the segment this appender
     * just closed (rollover), else the remembered chain state, else a new series.
     */
    private ChainLink linkFor(Path path) throws IOException {
        if (Files.isRegularFile(path) && Files.size(path) > 0) {
            ExistingSegments existing = ExistingSegments.scan(path);
            if (existing.next() != null) {
                addInfo("appending a new segment to " + path + " after segment " + existing.lastSeriesIndex());
                warnIfSealingStops(existing, path);
                return existing.next();
            }
            // only crash leftovers of a header: link as if the file were new
        }
        if (lastLink != null) {
            return lastLink;
        }
        return rememberedLink();
    }

    /**
     * The link the chain state remembers. When it names a segment that was still being written (the JVM before
     * this one did not end it: a crash), that segment has no final digest: the new one links past its last whole
     * record in its file, exactly as a restart on that same file would.
     */
    private ChainLink rememberedLink() {
        ChainStateFile.State state = chainStateFile.read();
        if (state == null) {
            return ChainLink.seriesStart();
        }
        if (state.openIn() == null) {
            return state.next();
        }
        long crashed = state.next().seriesIndex() - 1;
        try {
            ExistingSegments existing = ExistingSegments.scan(state.openIn());
            if (existing.holds(state.next().previousSegmentId()) && existing.next() != null) {
                addInfo("segment " + crashed + " in " + state.openIn() + " was not ended (a crash): the new segment"
                        + " links to its last whole record");
                warnIfSealingStops(existing, state.openIn());
                return existing.next();
            }
        } catch (IOException e) {
            addWarn("cannot read " + state.openIn() + ", where segment " + crashed + " was being written: "
                    + e.getMessage());
        }
        addWarn("segment " + crashed + " of the series was being written in " + state.openIn() + ", which no longer"
                + " holds it: the new segment links to the start of that segment, so verification reports the chain"
                + " broken unless the file is given as it was");
        return state.next();
    }

    /** A sealed series continued without sealing reads as a forger's downgrade: say so before it happens. */
    private void warnIfSealingStops(ExistingSegments existing, Path path) {
        if (existing.lastSealed() && segmentSettings.seal() == null) {
            // verifiers cannot tell this from a forger's segment, who holds the public recipient but no seal state
            addWarn("[" + getName() + "] appends segment " + (existing.lastSeriesIndex() + 1) + " after sealed segment "
                    + existing.lastSeriesIndex() + " in " + path + ", but no <sealState> is set: the new segment is not"
                    + " sealed, and logcrypt verify and decrypt will report the series as TAMPERED from there (a"
                    + " downgrade). To stop sealing, start a new series: stop, move " + path + " and "
                    + chainStateFile.path() + " away, then start.");
        }
    }

    @Override
    public void rollover() {
        try {
            ArchiveDirectories.prepare(getRollingPolicy(), getContext());
        } catch (IOException | RuntimeException e) {
            errors.report(this, "cannot create the archive directory of [" + getName() + "] owner-only (Logback will"
                    + " create it with the process umask)", e);
        }
        SegmentOutputStream stream = currentStream();
        if (stream != null) {
            stream.finishReason(SegmentWriter.FinalReason.ROLLOVER);
        }
        super.rollover();
        String active = getFile();
        if (active != null) {
            SecureFiles.syncDirectory(Path.of(active).toAbsolutePath().getParent());
        }
    }

    /**
     * Encodes the event's redacted view (made before the lock is taken, so that threads redact in parallel; the
     * event was prepared for deferred processing by {@code subAppend}) and writes it under the stream lock: Logback
     * before 1.6.4 encodes outside it, so a stateful encoder's output could otherwise reach the file in a different
     * order than it was produced.
     */
    @Override
    protected void writeOut(E event) throws IOException {
        E view = redaction.applyToAny(event);
        streamWriteLock.lock();
        try {
            super.writeOut(view);
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    protected void subAppend(E event) {
        uninterrupted(() -> super.subAppend(event));
        emitAnchors();
    }

    /**
     * Runs {@code io} with the thread's interrupt flag cleared, then restores it. The segment is written through a
     * {@code FileChannel}, which an interrupted writer closes ({@code ClosedByInterruptException}), abandoning the
     * segment: Logback's {@code AsyncAppender} interrupts its worker when it stops, and the worker then writes what
     * is still queued and stops this appender.
     */
    private static void uninterrupted(Runnable io) {
        boolean interrupted = Thread.interrupted();
        try {
            io.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void tick() {
        try {
            SegmentOutputStream stream = currentStream();
            if (stream != null) {
                stream.tick();
            }
            emitAnchors();
        } catch (RuntimeException e) {
            errors.report(this, "background task of [" + getName() + "] failed", e);
        }
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        uninterrupted(super::stop);
        emitAnchors();
    }

    private void emitAnchors() {
        if (pendingAnchors.isEmpty()) {
            return;
        }
        String line;
        while ((line = pendingAnchors.poll()) != null) {
            if (getContext() instanceof LoggerContext loggerContext) {
                loggerContext.getLogger(anchorLogger).info(line);
            }
        }
    }

    private SegmentOutputStream currentStream() {
        return getOutputStream() instanceof SegmentOutputStream stream ? stream : null;
    }

    /** Bridges stream events to status messages and meters. */
    private final class StreamListener implements SegmentOutputStream.Listener {
        @Override
        public void recordWritten(int bytes, int events) {
            recordsCounter.increment();
            eventsCounter.increment(events);
        }

        @Override
        public void dropped(int events, String reason) {
            dropCounter(reason).increment(events);
            errors.countDrop(events);
        }

        @Override
        public void failed(String what, Exception cause) {
            if (cause != null) {
                failuresCounter.increment();
            }
            errors.report(EncryptedFileAppender.this, "[" + getName() + "] " + what, cause);
        }

        @Override
        public void segmentStarted(SegmentWriter writer) {
            segmentsCounter.increment();
            addInfo("[" + getName() + "] started segment " + writer.core().seriesIndex());
        }

        @Override
        public void segmentEnded(ChainLink next) {
            lastLink = next;
            try {
                chainStateFile.segmentEnded(lastLink);
            } catch (IOException e) {
                addWarn("cannot remember the series link in " + chainStateFile.path() + ": " + e.getMessage());
            }
        }
    }
}
