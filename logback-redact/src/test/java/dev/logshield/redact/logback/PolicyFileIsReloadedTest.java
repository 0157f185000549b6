package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy file is reloaded when it changes; a reload that breaks the file keeps the previous policy. */
class PolicyFileIsReloadedTest {

    @TempDir
    Path dir;

    @Test
    void changedPolicyTakesEffectWithoutRestart() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\ndetectors:\n  email: mask\n");
        try (LogbackHarness logback = LogbackHarness.configure("PolicyFileIsReloadedTest", dir)) {
            logback.logger("x").info("a jane.doe@example.com");
            rewrite(policy, "version: 1\ndetectors:\n  email: drop\nrules:\n  - name: ticket\n    pattern: 'TCK-[0-9]{6}'\n");
            awaitOutput(logback, "b jane.doe@example.com TCK-123456", "b  [REDACTED:ticket]");

            rewrite(policy, "version: 1\ndetectors: [unclosed\n");
            awaitError(logback, "keeping the previous policy");
            logback.logger("x").info("c jane.doe@example.com TCK-123456");
            assertThat(logback.lines("out.log")).last().isEqualTo("c  [REDACTED:ticket]");
            assertThat(logback.lines("out.log")).first().isEqualTo("a [REDACTED:email]");
        }
    }

    private static void rewrite(Path policy, String content) throws Exception {
        Files.writeString(policy, content);
        // coarse file-system clocks: make the change visible in the modification time
        Files.setLastModifiedTime(policy, FileTime.from(Instant.now().plusSeconds(Files.size(policy) % 7 + 2)));
    }

    /** Waits for the scheduled check (every second) to report the broken file; generous, for a busy machine. */
    private static void awaitError(LogbackHarness logback, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline
                && logback.statusMessages(Status.ERROR).stream().noneMatch(m -> m.contains(text))) {
            Thread.sleep(50);
        }
        assertThat(logback.statusMessages(Status.ERROR)).anySatisfy(m -> assertThat(m).contains(text));
    }

    private static void awaitOutput(LogbackHarness logback, String message, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            logback.logger("x").info(message);
            if (logback.lines("out.log").contains(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(logback.lines("out.log")).contains(expected);
    }
}
