package dev.logshield.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import dev.logshield.crypto.EncryptedFileAppender;
import dev.logshield.crypto.keys.AgeKeyEncoding;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SeriesVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event appended to a file, per operation, by Logback's plain {@code FileAppender} (the baseline) and by
 * LogShield's {@link EncryptedFileAppender}, both configured from logback.xml with the same
 * {@code PatternLayoutEncoder} ({@link EventFactory#PATTERN}), with {@code immediateFlush} true (every event handed
 * to the OS at once; for the encrypted appender, one AES-GCM record per event) and false (batched: Logback's 8 KB
 * buffer, LogShield's 64 KB records). The encrypted appender runs with {@code syncPolicy none}, so neither appender
 * ever calls fsync: both only hand bytes to the OS.
 *
 * <p>Two floors separate the costs: {@link #encodeOnly} (a new event encoded, without an appender) and
 * {@link #rawAesGcm} (the JDK's AES/GCM over the same encoded bytes, with the same key setup, nonce and 45-byte
 * associated data as an LSE record); {@link #sha256Frame} is the running segment digest over one record's frame,
 * and {@link #segmentWriterOnly} LogShield's whole record path (prefix, AES-GCM, frame, digest) without the file.
 *
 * <p>Each measurement and warm-up iteration writes a new file in a new directory, deleted after the iteration, so
 * the disk never fills. Every iteration's setup proves the appender under test is the one running, on the event
 * it will be timed on; its teardown proves the appender is still started and reported nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FileAppenderBenchmark {

    static final String APPENDER = "FILE";

    /** The LSE file signature's first four bytes: 0x89 'L' 'S' 'E'. */
    private static final byte[] LSE_MAGIC = {(byte) 0x89, 'L', 'S', 'E'};

    private static final String ENCODER = "<encoder class='ch.qos.logback.classic.encoder.PatternLayoutEncoder'>"
            + "<pattern>" + EventFactory.PATTERN + "</pattern></encoder>";

    private static final String PLAIN_XML = "<configuration>"
            + "<appender name='" + APPENDER + "' class='ch.qos.logback.core.FileAppender'>"
            + "<file>${file}</file>"
            + "<immediateFlush>${immediateFlush}</immediateFlush>"
            + ENCODER
            + "</appender>"
            + "<root level='INFO'><appender-ref ref='" + APPENDER + "'/></root>"
            + "</configuration>";

    private static final String ENCRYPTED_XML = "<configuration>"
            + "<appender name='" + APPENDER + "' class='dev.logshield.crypto.EncryptedFileAppender'>"
            + "<file>${file}</file>"
            + "<rollingPolicy class='ch.qos.logback.core.rolling.TimeBasedRollingPolicy'>"
            + "<fileNamePattern>${dir}/app.%d{yyyy-MM-dd}.lse</fileNamePattern>"
            + "</rollingPolicy>"
            + "<recipient>${recipient}</recipient>"
            + "<syncPolicy>none</syncPolicy>"
            + "<immediateFlush>${immediateFlush}</immediateFlush>"
            + ENCODER
            + "</appender>"
            + "<root level='INFO'><appender-ref ref='" + APPENDER + "'/></root>"
            + "</configuration>";

    /**
     * A file appender configured from XML on a fresh context and a fresh file for every iteration, in a temporary
     * directory removed after the trial.
     */
    @State(Scope.Benchmark)
    public abstract static class AppenderState {

        @Param({"true", "false"})
        public boolean immediateFlush;

        EventFactory events;
        Appender<ILoggingEvent> appender;
        private Path root;
        private Path dir;
        private LoggerContext context;
        private int iteration;

        @Setup(Level.Trial)
        public void setUpTrial() throws IOException {
            events = new EventFactory(MessageKind.CLEAN);
            root = Files.createTempDirectory("logshield-bench-");
        }

        @Setup(Level.Iteration)
        public void setUpIteration() throws IOException {
            dir = Files.createDirectory(root.resolve("iteration-" + iteration++));
            Path file = dir.resolve(fileName());
            context = configure(xml(), Map.of("dir", dir.toString(), "file", file.toString(),
                    "immediateFlush", Boolean.toString(immediateFlush), "recipient", recipient()));
            appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
            String scenario = scenario();
            if (appender == null || appender.getClass() != appenderClass()) {
                throw new IllegalStateException(scenario + ": expected a " + appenderClass().getName() + ", got " + appender);
            }
            if (!appender.isStarted()) {
                throw new IllegalStateException(scenario + ": the appender did not start");
            }
            SetupChecks.requireNoErrors(scenario, context);
            @SuppressWarnings("unchecked")
            FileAppender<ILoggingEvent> fileAppender = (FileAppender<ILoggingEvent>) appender;
            if (fileAppender.isImmediateFlush() != immediateFlush
                    || !(fileAppender.getEncoder() instanceof PatternLayoutEncoder encoder)
                    || !EventFactory.PATTERN.equals(encoder.getPattern())) {
                throw new IllegalStateException(scenario + ": not configured as written (immediateFlush "
                        + fileAppender.isImmediateFlush() + ", encoder " + fileAppender.getEncoder() + ")");
            }
            // one event, pushed out of any batch or buffer, then the file is checked
            appender.doAppend(events.newEvent());
            try {
                fileAppender.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] expected = encoder.encode(events.newEvent());
            check(file, expected);
            SetupChecks.requireNoErrors(scenario, context);
        }

        @TearDown(Level.Iteration)
        public void tearDownIteration() throws IOException {
            // an appender that failed during the iteration (disk full...) would have measured nothing
            if (!appender.isStarted()) {
                throw new IllegalStateException(scenario() + ": the appender stopped during the iteration");
            }
            SetupChecks.requireNoErrors(scenario(), context);
            context.stop();
            SetupChecks.requireNoErrors(scenario(), context);
            deleteTree(dir);
        }

        @TearDown(Level.Trial)
        public void tearDownTrial() throws IOException {
            events.stop();
            deleteTree(root);
        }

        abstract String scenario();

        abstract String xml();

        abstract Class<?> appenderClass();

        abstract String fileName();

        /** The {@code age1...} recipient, when the configuration needs one. */
        String recipient() {
            return "";
        }

        /** Throws unless {@code file} holds exactly the one event (encoded as {@code expected}), as it should. */
        abstract void check(Path file, byte[] expected) throws IOException;
    }

    /** Logback's {@code FileAppender}: the event, in clear, is the whole file. */
    public static class PlainFileState extends AppenderState {
        @Override
        String scenario() {
            return "plainFileAppender";
        }

        @Override
        String xml() {
            return PLAIN_XML;
        }

        @Override
        Class<?> appenderClass() {
            return FileAppender.class;
        }

        @Override
        String fileName() {
            return "app.log";
        }

        @Override
        void check(Path file, byte[] expected) throws IOException {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            SetupChecks.requireVerbatim(scenario(), content, events.formattedMessage());
            if (!content.equals(new String(expected, StandardCharsets.UTF_8))) {
                throw new IllegalStateException(scenario() + ": the file does not hold exactly the encoded event: " + content);
            }
        }
    }

    /**
     * LogShield's {@code EncryptedFileAppender} to one X25519 recipient: the file starts with the LSE signature,
     * holds nothing in clear, and the recipient decrypts exactly the encoded event from it.
     */
    public static class EncryptedFileState extends AppenderState {

        private HpkeIdentity identity;
        private String recipient;

        @Override
        public void setUpTrial() throws IOException {
            X25519KeyPair pair = X25519KeyPair.generate(new SecureRandom());
            recipient = AgeKeyEncoding.encodeRecipient(pair.publicKey());
            identity = HpkeIdentity.of(pair);
            super.setUpTrial();
        }

        @Override
        String scenario() {
            return "encryptedFileAppender";
        }

        @Override
        String xml() {
            return ENCRYPTED_XML;
        }

        @Override
        Class<?> appenderClass() {
            return EncryptedFileAppender.class;
        }

        @Override
        String fileName() {
            return "app.lse";
        }

        @Override
        String recipient() {
            return recipient;
        }

        @Override
        void check(Path file, byte[] expected) throws IOException {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length < LSE_MAGIC.length || !Arrays.equals(raw, 0, LSE_MAGIC.length, LSE_MAGIC, 0, LSE_MAGIC.length)) {
                throw new IllegalStateException(scenario() + ": the file does not start with the LSE signature");
            }
            String asText = new String(raw, StandardCharsets.ISO_8859_1);
            if (asText.contains(events.formattedMessage()) || asText.contains("PaymentService")) {
                throw new IllegalStateException(scenario() + ": the event is in the file in clear");
            }
            ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
            FileSeries.verify(List.of(file), new SeriesVerifier.Options(List.of(identity), null, false, List.of(), 0, false),
                    (core, seq, payload) -> decrypted.write(payload));
            if (!Arrays.equals(decrypted.toByteArray(), expected)) {
                throw new IllegalStateException(scenario() + ": the recipient does not decrypt exactly the event: "
                        + decrypted.toString(StandardCharsets.UTF_8));
            }
        }
    }

    @Benchmark
    public void plainFileAppender(PlainFileState s) {
        s.appender.doAppend(s.events.newEvent());
    }

    @Benchmark
    public void encryptedFileAppender(EncryptedFileState s) {
        s.appender.doAppend(s.events.newEvent());
    }

    /** A new event encoded, without an appender: the part both appenders share. */
    @Benchmark
    public byte[] encodeOnly(RecordCostStates.EncoderState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    /** AES-256-GCM over one encoded event, as one record: the floor of the encrypted appender's extra work. */
    @Benchmark
    public int rawAesGcm(RecordCostStates.CipherState s) throws GeneralSecurityException {
        return RecordCostStates.encrypt(s);
    }

    /** The segment writer alone: one event sealed into a DATA frame, framed and digested, nothing written. */
    @Benchmark
    public long segmentWriterOnly(RecordCostStates.SegmentState s) throws IOException {
        s.writer.writeData(s.payload, 0, s.payload.length, 1, System.currentTimeMillis());
        return s.sunk;
    }

    /** SHA-256 over one record's frame: what the segment's running digest adds per flushed event. */
    @Benchmark
    public MessageDigest sha256Frame(RecordCostStates.CipherState s) {
        s.digest.update(s.frame, 0, s.frame.length);
        return s.digest;
    }

    private static LoggerContext configure(String xml, Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        context.setName("benchmark");
        properties.forEach(context::putProperty);
        LogbackXml.configure(context, xml);
        return context;
    }

    private static void deleteTree(Path top) throws IOException {
        if (top == null || !Files.exists(top)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
