package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration is a clear status error naming the problem; the valid rest of the policy still applies and
 * built-in redaction stays on (fail safe).
 */
class BadConfigurationIsReportedTest {

    @TempDir
    Path dir;

    private void assertBuiltInsAndValidRuleStillWork(LogbackHarness logback) {
        logback.logger("x").info("mail jane.doe@example.com ticket TCK-123456 from 192.0.2.10");
        assertThat(logback.written("out.log"))
                .isEqualTo("mail [REDACTED:email] ticket [REDACTED:ticket] from [REDACTED:ipv4]\n");
    }

    @Test
    void unknownDetectorBadActionAndInvalidPatternAreReportedByName() {
        try (LogbackHarness logback = LogbackHarness.configure("BadConfigurationIsReportedTest", dir,
                Map.of("policy", ""))) {
            assertThat(logback.statusMessages(Status.ERROR))
                    .anySatisfy(m -> assertThat(m).contains("emial"))
                    .anySatisfy(m -> assertThat(m).contains("obliterate"))
                    .anySatisfy(m -> assertThat(m).contains("backref"));
            assertBuiltInsAndValidRuleStillWork(logback);
        }
    }

    @Test
    void missingPolicyFileIsReportedAndBuiltInsStayOn() {
        Path missing = dir.resolve("no-such-policy.yaml");
        try (LogbackHarness logback = LogbackHarness.configure("BadConfigurationIsReportedTest", dir,
                Map.of("policy", "file:" + missing))) {
            assertThat(logback.statusMessages(Status.ERROR)).anySatisfy(m -> assertThat(m).contains("no-such-policy.yaml"));
            assertBuiltInsAndValidRuleStillWork(logback);
        }
    }

    @Test
    void malformedPolicyFileIsReportedAndBuiltInsStayOn() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "version: 1\ndetectors: [email: {\n  - : :\n");
        try (LogbackHarness logback = LogbackHarness.configure("BadConfigurationIsReportedTest", dir,
                Map.of("policy", "file:" + broken))) {
            assertThat(logback.statusMessages(Status.ERROR)).anySatisfy(m -> assertThat(m).contains("broken.yaml"));
            assertBuiltInsAndValidRuleStillWork(logback);
        }
    }
}
