package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A RedactingAppender that would redact for nobody stays stopped; bad or risky settings are reported. */
class RedactingAppenderBadConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnAppenderRefItReportsAndStaysStopped() {
        try (LogbackHarness logback = LogbackHarness.configure("RedactingAppenderBadConfigurationTest-noref", dir)) {
            assertThat(logback.statusMessages(Status.ERROR)).anyMatch(m -> m.contains("[LONELY] has no <appender-ref>"));
            assertThat(logback.context.getLogger("ROOT").getAppender("LONELY").isStarted()).isFalse();
            logback.logger("x").info("nothing breaks");
        }
    }

    @Test
    void anUnknownDetectorIsReportedLikeTheEncodersDoAndBuiltInsStayOn() {
        try (LogbackHarness logback = LogbackHarness.configure("RedactingAppenderBadConfigurationTest-bad", dir)) {
            assertThat(logback.statusMessages(Status.ERROR)).anyMatch(m -> m.contains("emial"));
            logback.logger("x").info("mail jane.doe@example.com");
            assertThat(logback.written("out.log")).contains("mail [REDACTED:email]");
        }
    }

    @Test
    void switchingRedactionOffWarnsAndNamesTheRisk() {
        try (LogbackHarness logback = LogbackHarness.configure("RedactingAppenderBadConfigurationTest-off", dir)) {
            assertThat(logback.statusMessages(Status.WARN))
                    .anyMatch(m -> m.contains("RedactingAppender [OFF]") && m.contains("switches redaction off")
                            && m.contains("in clear"));
            logback.logger("x").info("mail jane.doe@example.com");
            assertThat(logback.written("out.log")).contains("jane.doe@example.com");
        }
    }
}
