package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad redaction configuration on the JSON encoder and decorator (unknown detector, bad action, invalid rule,
 * missing or malformed policy file) is a status error naming the problem, and built-in redaction and the valid rest
 * stay on. An invalid {@code <maxFieldLength>} keeps the encoder stopped (nothing written, nothing thrown).
 */
class BadJsonConfigurationIsReportedTest {

    private static final String LINE = "mail jane.doe@example.com ticket TCK-123456 from 192.0.2.10";

    @TempDir
    Path dir;

    private static void assertBuiltInsAndValidRuleStillWork(JsonLogback logback) {
        logback.logger("x").info(LINE);
        assertThat(logback.event("encoder.log").get("message").stringValue())
                .isEqualTo("mail [REDACTED:email] ticket [REDACTED:ticket] from [REDACTED:ipv4]");
        assertThat(logback.event("decorator.log").get("message").stringValue())
                .isEqualTo("mail [REDACTED:email] ticket [REDACTED:ticket] from [REDACTED:ipv4]");
    }

    @Test
    void unknownDetectorBadActionAndInvalidPatternAreReportedByName() {
        try (JsonLogback logback = JsonLogback.configure("BadJsonConfigurationIsReportedTest", dir, Map.of("policy", ""))) {
            assertThat(logback.errors())
                    .anySatisfy(m -> assertThat(m).contains("emial"))
                    .anySatisfy(m -> assertThat(m).contains("obliterate"))
                    .anySatisfy(m -> assertThat(m).contains("backref"));
            assertBuiltInsAndValidRuleStillWork(logback);
        }
    }

    @Test
    void malformedPolicyFileIsReportedAndBuiltInsStayOn() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "version: 1\ndetectors: [email: {\n  - : :\n");
        try (JsonLogback logback = JsonLogback.configure("BadJsonConfigurationIsReportedTest", dir,
                Map.of("policy", "file:" + broken))) {
            assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("broken.yaml"));
            assertBuiltInsAndValidRuleStillWork(logback);
        }
    }

    @Test
    void missingPolicyFileIsReportedAndBuiltInsStayOn() {
        try (JsonLogback logback = JsonLogback.configure("BadJsonConfigurationIsReportedTest", dir,
                Map.of("policy", "file:" + dir.resolve("no-such-policy.yaml")))) {
            assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("no-such-policy.yaml"));
            assertBuiltInsAndValidRuleStillWork(logback);
        }
    }

    @Test
    void aNegativeFieldLengthKeepsTheEncoderStopped() throws IOException {
        try (JsonLogback logback = JsonLogback.configure("BadJsonConfigurationIsReportedTest", dir, Map.of("policy", ""))) {
            assertThat(logback.errors()).anySatisfy(m -> assertThat(m).contains("<maxFieldLength>-5</maxFieldLength>"));
            RedactingJsonEncoder encoder = logback.encoder("negative", "NEGATIVE_CAP");
            assertThat(encoder.isStarted()).isFalse();
            logback.logger("negative").info(LINE);
            Path out = dir.resolve("negative.log");
            assertThat(Files.exists(out) ? Files.size(out) : 0L).isZero();
        }
    }
}
