package dev.logshield.leakmatrix;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.status.Status;
import dev.logshield.crypto.keys.AgeKeyEncoding;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import dev.logshield.tls.receiver.MtlsReceiver;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole matrix through one sink: configures its context from XML, logs every cell's event in one batch,
 * waits until the sink has written the batch's last event, stops the context, and returns all the sink produced as
 * text.
 */
final class SinkRun {

    static final String LOGGER = "shop.Checkout";

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private SinkRun() {
    }

    static String run(Sink sink, Path dir, Matrix matrix) {
        try {
            Files.createDirectories(dir);
            switch (sink.output) {
                case FILE:
                    return toFile(sink, dir, matrix);
                case OPENTELEMETRY:
                    return toOpenTelemetry(sink, dir, matrix);
                case RECEIVER:
                    return toReceiver(sink, dir, matrix);
                case DECRYPTED_FILE:
                    return toEncryptedFile(sink, dir, matrix);
                default:
                    throw new IllegalArgumentException(sink.output.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toFile(Sink sink, Path dir, Matrix matrix) throws IOException {
        LoggerContext context = LogbackXml.fresh(sink.xml(), Map.of("dir", dir.toString()));
        Path out = dir.resolve("out.log");
        logAwaitAndStop(context, matrix, () -> readIfExists(out));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * OpenTelemetry's {@code install} finds the appenders of SLF4J's own context only (it walks into
     * {@code RedactingAppender} and {@code AsyncAppender}, which hold appenders), so this sink configures that
     * context, as an application's logback.xml does, and resets it afterwards.
     */
    private static String toOpenTelemetry(Sink sink, Path dir, Matrix matrix) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try (OtelRecords otel = new OtelRecords()) {
            try {
                context.reset();
                LogbackXml.configure(context, sink.xml(), Map.of("dir", dir.toString()));
                LogbackXml.assertNoErrors(context);
                OpenTelemetryAppender.install(otel.sdk());
                matrix.logAll(context.getLogger(LOGGER));
                awaitEndOfBatch(sink, otel::text);
            } finally {
                context.reset(); // stops the appenders, and leaves SLF4J's context empty for the next test
            }
            return otel.text();
        }
    }

    private static String toReceiver(Sink sink, Path dir, Matrix matrix) throws IOException {
        TestPki pki = SharedPki.get(); // generated at run time in a temporary directory: no key is committed
        LoggerContext receiverContext = LogbackXml.fresh("SecretsReachNoSinkTest-receiver", Map.of(
                "dir", dir.toString(),
                "serverCert", pki.server().chain().toString(),
                "serverKey", pki.server().key().toString(),
                "caCert", pki.caCert().toString()));
        try {
            LogbackXml.assertNoErrors(receiverContext);
            // the receiver must write what arrives as it is, or this row would not test the client
            if (LogbackXml.statuses(receiverContext, Status.WARN).stream()
                    .noneMatch(s -> s.contains("<redaction><enabled>false</enabled></redaction> switches redaction off"))) {
                throw new AssertionError("the receiver's redaction is not switched off: "
                        + LogbackXml.statuses(receiverContext, Status.WARN));
            }
            MtlsReceiver receiver = receiver(receiverContext);
            LoggerContext client = LogbackXml.fresh(sink.xml(), Map.of(
                    "dir", dir.toString(),
                    "destination", "127.0.0.1:" + receiver.localPort(),
                    "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(),
                    "caCert", pki.caCert().toString()));
            Path received = dir.resolve("received.log");
            logAwaitAndStop(client, matrix, () -> readIfExists(received));
            return Files.readString(received, StandardCharsets.UTF_8);
        } finally {
            receiverContext.stop();
        }
    }

    private static String toEncryptedFile(Sink sink, Path dir, Matrix matrix) throws IOException {
        X25519KeyPair reader = X25519KeyPair.generate(new SecureRandom());
        HpkeIdentity identity = HpkeIdentity.of(reader);
        LoggerContext context = LogbackXml.fresh(sink.xml(), Map.of(
                "dir", dir.toString(),
                "recipient", AgeKeyEncoding.encodeRecipient(reader.publicKey())));
        // records are sealed in batches of at most a second: what is sealed so far decrypts while it is written
        logAwaitAndStop(context, matrix, () -> decrypt(dir, identity).text);
        Decrypted decrypted = decrypt(dir, identity);
        if (decrypted.report.exitCode() != VerificationReport.INTACT) {
            throw new AssertionError("the encrypted files of " + sink + " do not decrypt intact: "
                    + decrypted.report.findings());
        }
        return decrypted.text;
    }

    private record Decrypted(String text, VerificationReport report) {
    }

    private static Decrypted decrypt(Path dir, HpkeIdentity identity) {
        try {
            List<Path> files;
            try (Stream<Path> all = Files.list(dir)) {
                files = all.filter(f -> f.getFileName().toString().endsWith(".lse")).sorted()
                        .collect(Collectors.toList());
            }
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            VerificationReport report = FileSeries.verify(files,
                    new SeriesVerifier.Options(List.of(identity), null, false, List.of(), 0, false),
                    (core, sequence, payload) -> plain.write(payload));
            return new Decrypted(plain.toString(StandardCharsets.UTF_8), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logs the batch, waits until the sink's output holds its last event, then stops the context as an application
     * does at shutdown. Waiting first keeps the stop away from an {@code AsyncAppender} still handing events over:
     * its stop interrupts its worker thread, and a sink that then writes or waits on that thread loses what it still
     * had (an {@code EncryptedFileAppender} gets a {@code ClosedByInterruptException} and abandons its segment, an
     * {@code MtlsAppender} stops at once without delivering its queue). The matrix is about what reaches a sink, not
     * about that.
     */
    private static void logAwaitAndStop(LoggerContext context, Matrix matrix, Supplier<String> output) {
        try {
            LogbackXml.assertNoErrors(context);
            matrix.logAll(context.getLogger(LOGGER));
            awaitEndOfBatch(context.getName(), output);
        } finally {
            context.stop();
        }
    }

    private static MtlsReceiver receiver(LoggerContext context) {
        for (LoggerContextListener listener : context.getCopyOfListenerList()) {
            if (listener instanceof MtlsReceiver receiver && receiver.isStarted()) {
                return receiver;
            }
        }
        throw new AssertionError("no started MtlsReceiver in " + context.getName() + ": "
                + LogbackXml.statuses(context, Status.WARN));
    }

    /** Waits until {@code output} holds the batch's last event; a sink must have written everything before it. */
    private static void awaitEndOfBatch(Object sink, Supplier<String> output) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!output.get().contains(Matrix.END_OF_BATCH)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("within " + DELIVERY_TIMEOUT + " " + sink + " did not write the batch's last event");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + sink, e);
            }
        }
    }

    private static String readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
