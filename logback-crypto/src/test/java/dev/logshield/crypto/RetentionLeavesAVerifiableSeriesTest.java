package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logback's own retention (totalSizeCap and maxHistory of a size-and-time policy, the window of a fixed-window
 * policy) deletes the oldest files only, so what is left is the newest part of one series: it verifies intact
 * (exit 0) with a single INFO finding, "series starts at segment N", and decrypts to the newest events in order.
 */
class RetentionLeavesAVerifiableSeriesTest {

    private static final int EVENTS = 600;

    @TempDir
    Path dir;

    private final TestIdentity reader = TestIdentity.generate();

    @Test
    void totalSizeCapDeletesTheOldestRolledFiles() throws Exception {
        List<String> logged = logAndStop("sizeAndTime");

        List<Path> files = Decrypted.lseFiles(dir);
        List<Path> archives = files.stream().filter(f -> !f.equals(dir.resolve("app.lse"))).toList();
        assertThat(archives).as("some archives kept").hasSizeGreaterThan(1)
                .as("the first ones deleted").noneMatch(f -> f.getFileName().toString().endsWith(".0.lse"));
        assertThat(archives.stream().mapToLong(RetentionLeavesAVerifiableSeriesTest::size).sum())
                .as("within totalSizeCap").isLessThanOrEqualTo(20 * 1024);
        assertNewestPartOfOneSeries(files, logged);
    }

    @Test
    void maxHistoryDeletesTheFilesOfOlderPeriods() throws Exception {
        LoggerContext context = configure("maxHistory"); // one period is one second here
        List<String> logged = new ArrayList<>();
        long until = System.currentTimeMillis() + 3_300;
        for (int i = 0; System.currentTimeMillis() < until; i++) {
            context.getLogger("x").info("event {}", i);
            logged.add("event " + i);
            Thread.sleep(50);
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        List<Path> files = Decrypted.lseFiles(dir);
        assertThat(files).as("the active file and the previous second's").hasSizeBetween(2, 3);
        assertNewestPartOfOneSeries(files, logged);
    }

    @Test
    void aFixedWindowKeepsItsThreeNewestArchives() throws Exception {
        List<String> logged = logAndStop("fixedWindow");

        List<Path> archives = List.of(dir.resolve("app.1.lse"), dir.resolve("app.2.lse"), dir.resolve("app.3.lse"));
        assertThat(Decrypted.lseFiles(dir)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(archives.stream(), Stream.of(dir.resolve("app.lse"))).toList());
        List<String> archived = assertPartOfOneSeries(archives);
        assertThat(Collections.indexOfSubList(logged, archived)).as("a contiguous run of the events").isPositive();
        assertNewestPartOfOneSeries(Decrypted.lseFiles(dir), logged);
    }

    private LoggerContext configure(String policy) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName() + "-" + policy,
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        return context;
    }

    private List<String> logAndStop(String policy) {
        LoggerContext context = configure(policy);
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String line = "event " + i + " " + "x".repeat(60);
            context.getLogger("x").info(line);
            logged.add(line);
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        return logged;
    }

    private void assertNewestPartOfOneSeries(List<Path> files, List<String> logged) throws Exception {
        List<String> lines = assertPartOfOneSeries(files);
        assertThat(logged).endsWith(lines.toArray(new String[0]));
    }

    /** Verifies {@code files} as one series that lost its beginning; returns their decrypted lines. */
    private List<String> assertPartOfOneSeries(List<Path> files) throws Exception {
        Decrypted decrypted = Decrypted.files(files, reader.identity());
        VerificationReport report = decrypted.report();
        assertThat(report.exitCode()).isZero();
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(finding.seriesIndex()).isPositive();
            assertThat(finding.message()).startsWith("series starts at segment " + finding.seriesIndex() + ":");
        });
        assertThat(decrypted.lines()).isNotEmpty();
        return decrypted.lines();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
