package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.LoggingStorm;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM logging from 16 threads is killed with SIGKILL: what remains decrypts, every thread's events are
 * an unbroken prefix, the file is "unclosed" (exit 4) and never "tampered", and a restart appends a segment that
 * links to what the crash left.
 */
class KillDashNineMidStormTest {

    private static final Pattern LINE = Pattern.compile("t(\\d+) e(\\d+)");

    @TempDir
    Path dir;

    @Test
    void whatACrashLeavesIsReadableUnclosedAndLinkable() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoggingStorm.class.getName(),
                getClass().getSimpleName(), dir.toString(), reader.recipient(), "16", "200")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // Logback status output, if any
            }
            assertThat(line).as("child JVM became ready").isEqualTo("ready");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Path file = dir.resolve("app.lse");
        Decrypted crashed = Decrypted.files(List.of(file), reader.identity());
        assertThat(crashed.report().has(Finding.Severity.TAMPERED)).as(describe(crashed.report())).isFalse();
        assertThat(crashed.report().exitCode()).isEqualTo(VerificationReport.UNCLOSED);
        assertEveryThreadHasAnUnbrokenPrefix(crashed.lines(), 200);

        LoggerContext restarted = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        restarted.getLogger("storm").info("after restart");
        restarted.stop();

        Decrypted afterRestart = Decrypted.files(List.of(file), reader.identity());
        assertThat(afterRestart.report().has(Finding.Severity.TAMPERED)).as(describe(afterRestart.report())).isFalse();
        assertThat(afterRestart.lines()).startsWith(crashed.lines().toArray(new String[0]));
        assertThat(afterRestart.lines()).endsWith("after restart");
    }

    private static void assertEveryThreadHasAnUnbrokenPrefix(List<String> lines, int atLeast) {
        Map<Integer, Long> next = new HashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            int thread = Integer.parseInt(m.group(1));
            long event = Long.parseLong(m.group(2));
            assertThat(event).as("thread " + thread).isEqualTo(next.getOrDefault(thread, 0L));
            next.put(thread, event + 1);
        }
        assertThat(next).hasSize(16);
        assertThat(next.values()).allMatch(n -> n > atLeast);
    }

    private static String describe(VerificationReport report) {
        StringBuilder text = new StringBuilder();
        report.findings().forEach(f -> text.append(f.describe()).append('\n'));
        return text.toString();
    }
}
