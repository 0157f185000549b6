package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.FaultyDisk;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the disk fails for real (a write cut short by "No space left on device", or a failed fsync), the segment
 * ends there and is never written to again; events are dropped and counted while the appender backs off, the
 * failure is reported once (rate-limited), and a new segment starts at the end of the same file, linked to the
 * last whole record, so the file verifies without any TAMPERED finding: only the abandoned segment is unclosed.
 * The application's logging calls never throw. Events logged = events in the file + events counted as dropped.
 */
class IoFailureEndsTheSegmentAndLoggingContinuesTest {

    private static final String REGISTRY = IoFailureEndsTheSegmentAndLoggingContinuesTest.class.getSimpleName();
    private static final long BACKOFF_MS = 1_000;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FaultyDisk disk = new FaultyDisk();
    private final TestIdentity reader = TestIdentity.generate();
    private final List<String> expected = new ArrayList<>();
    private Logger log;

    @BeforeEach
    void registerMeters() {
        MicrometerRegistries.register(REGISTRY, registry);
    }

    @AfterEach
    void unregisterMeters() {
        MicrometerRegistries.unregister(REGISTRY);
    }

    @Test
    void aWriteCutShortAbandonsTheSegmentAndANewLinkedOneFollowsTheBackoff() throws Exception {
        LoggerContext context = configure("interval", "10MB");
        logAll("before", 5);
        disk.failNextWrite();
        logLost("cut short by a full disk");
        logLost("during the backoff 1");
        logLost("during the backoff 2");
        Thread.sleep(BACKOFF_MS + 100);
        logAll("after", 5);
        disk.failNextWrite();
        logLost("cut short again");
        Thread.sleep(BACKOFF_MS + 100);
        logAll("last", 1);
        context.stop();

        assertThat(disk.failures()).isEqualTo(2);
        assertThat(XmlConfiguredContext.errors(context)).as("the second failure within 10 s is not reported again")
                .singleElement().asString()
                .contains("writing a record failed", "abandoned (never retried)", "No space left on device");
        assertThat(counter("logshield.crypto.dropped", "reason", "write-failed")).isEqualTo(2);
        assertThat(counter("logshield.crypto.dropped", "reason", "no-segment")).isEqualTo(2);
        assertThat(counter("logshield.crypto.failures")).isEqualTo(2);
        assertThat(counter("logshield.crypto.segments")).isEqualTo(3);

        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
        assertOnlyTheAbandonedSegmentsAreUnclosed(decrypted.report(), 0, 1);
        assertThat(decrypted.report().findings()).filteredOn(f -> f.message().contains("torn tail"))
                .extracting(Finding::seriesIndex).containsExactly(0L, 1L);
        assertThat(counter("logshield.crypto.events")).isEqualTo(decrypted.report().events());
    }

    @Test
    void aFailedFsyncAbandonsTheSegmentButKeepsTheRecordItWrote() throws Exception {
        LoggerContext context = configure("every-record", "10MB");
        logAll("before", 3);
        disk.failNextForce();
        assertThatCode(() -> log.info("written, then fsync failed")).doesNotThrowAnyException();
        expected.add("written, then fsync failed");
        logLost("during the backoff");
        Thread.sleep(BACKOFF_MS + 100);
        logAll("after", 3);
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).singleElement().asString()
                .contains("abandoned (never retried)", "Input/output error");
        assertThat(counter("logshield.crypto.dropped", "reason", "no-segment")).isEqualTo(1);
        assertThat(registry.find("logshield.crypto.dropped").tag("reason", "write-failed").counter())
                .as("the record reached the file whole: it is not counted as dropped").isNull();
        assertThat(counter("logshield.crypto.failures")).isEqualTo(1);

        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
        assertOnlyTheAbandonedSegmentsAreUnclosed(decrypted.report(), 0);
        assertThat(counter("logshield.crypto.events")).isEqualTo(decrypted.report().events());
    }

    @Test
    void aRolloverWhileBackingOffStillLinksTheNextFileToTheAbandonedSegment() throws Exception {
        LoggerContext context = configure("interval", "2KB");
        Path active = dir.resolve("app.lse");
        for (int i = 0; Files.size(active) < 1_500; i++) {
            logAll("before " + i, 1);
        }
        disk.failNextWrite();
        logLost("cut short by a full disk " + "x".repeat(1_200)); // half of it lands: the file is now over 2 KB
        logAll("rolled over while backing off", 1);
        context.stop();

        List<Path> files = Decrypted.lseFiles(dir);
        assertThat(files).hasSize(2);
        Decrypted decrypted = Decrypted.files(files, reader.identity());
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
        assertOnlyTheAbandonedSegmentsAreUnclosed(decrypted.report(), 0);
    }

    @Test
    void aFailedFsyncAtRolloverStillLinksTheNextFile() throws Exception {
        LoggerContext context = configure("on-rollover", "2KB");
        Path active = dir.resolve("app.lse");
        for (int i = 0; Files.size(active) < 2_048; i++) {
            logAll("before " + i, 1);
        }
        disk.failNextForce();
        logAll("after the rollover", 1);
        context.stop();

        assertThat(disk.failures()).isEqualTo(1);
        assertThat(XmlConfiguredContext.errors(context)).singleElement().asString().contains("Input/output error");
        Decrypted decrypted = Decrypted.files(Decrypted.lseFiles(dir), reader.identity());
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
        assertThat(decrypted.report().findings()).as("FINAL was written before the force failed").isEmpty();
    }

    private LoggerContext configure(String syncPolicy, String maxFileSize) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient(), "syncPolicy", syncPolicy,
                        "maxFileSize", maxFileSize, "registry", REGISTRY),
                c -> c.putObject(EncryptedFileAppender.CHANNEL_DECORATOR, disk));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        log = context.getLogger("x");
        return context;
    }

    private void logAll(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            log.info(prefix + " " + i);
            expected.add(prefix + " " + i);
        }
    }

    private void logLost(String message) {
        assertThatCode(() -> log.info(message)).doesNotThrowAnyException();
    }

    private double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags("appender", "VAULT").tags(tags).counter();
        assertThat(counter).as(name + " " + String.join("=", tags)).isNotNull();
        return counter.count();
    }

    private static void assertOnlyTheAbandonedSegmentsAreUnclosed(VerificationReport report, long... abandoned) {
        String findings = report.findings().stream().map(Finding::describe).collect(Collectors.joining("\n"));
        assertThat(report.has(Finding.Severity.TAMPERED)).as(findings).isFalse();
        assertThat(report.exitCode()).as(findings).isEqualTo(VerificationReport.UNCLOSED);
        List<Long> unclosed = report.findings().stream().filter(f -> f.severity() == Finding.Severity.UNCLOSED)
                .map(Finding::seriesIndex).distinct().collect(Collectors.toList());
        assertThat(unclosed).as(findings).containsExactly(java.util.Arrays.stream(abandoned).boxed().toArray(Long[]::new));
    }
}
