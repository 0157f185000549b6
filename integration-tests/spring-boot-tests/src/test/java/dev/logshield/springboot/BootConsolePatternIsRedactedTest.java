package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import dev.logshield.redact.logback.RedactingPatternLayoutEncoder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boot's console appender with {@code RedactingPatternLayoutEncoder} and Boot's own {@code CONSOLE_LOG_PATTERN},
 * started by Boot's real logging system: every conversion word of Boot's (%clr, %esb, %correlationId and, the one
 * that leaked before, %wEx) prints only redacted data, and keeps everything else. The MDC and key-value pairs are
 * put into the pattern through Boot's own {@code logging.pattern.level} and {@code logging.pattern.correlation}.
 */
class BootConsolePatternIsRedactedTest {

    @TempDir
    Path dir;

    @Test
    void bootsConsolePatternPrintsOnlyRedactedData() {
        Map<String, Object> properties = Map.of(
                "logging.pattern.level", "%5p user=%X{user} password=%X{password} %kvp",
                "logging.pattern.correlation", "%correlationId");
        try (ConsoleCapture console = new ConsoleCapture();
                BootLogging boot = BootLogging.start("BootConsolePatternIsRedactedTest", dir, properties)) {
            Logger root = boot.context().getLogger(Logger.ROOT_LOGGER_NAME);
            OutputStreamAppender<?> appender = (OutputStreamAppender<?>) root.getAppender("CONSOLE");
            assertThat(appender.getEncoder()).isInstanceOf(RedactingPatternLayoutEncoder.class);
            assertThat(((RedactingPatternLayoutEncoder) appender.getEncoder()).getPattern())
                    .as("Boot's CONSOLE_LOG_PATTERN, ending with its exception conversion word")
                    .contains("%clr(").endsWith("%wEx");

            SecretBearingEvents.log(boot.logger());
            boot.stop();
            String output = console.text();

            BootPatternOutput.assertRedactedAndReadable(output);
            assertThat(output)
                    .contains("user=[REDACTED:email] password=[REDACTED:secret]")
                    .contains("orderId=\"ORD-1001\"")
                    .contains("[" + SecretBearingEvents.TRACE_ID + "-" + SecretBearingEvents.SPAN_ID + "]");
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }
}
