package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redacting layout renders from the event's redacted view, so conversion words it has never heard of (a
 * {@code %wEx}-style throwable converter of the application's own, a converter reading the {@code Throwable}
 * itself) print only redacted, neutralised data, while stack frames keep their lines.
 */
class UnknownConversionWordsPrintRedactedDataTest {

    @TempDir
    Path dir;

    @Test
    void aThrowableConverterOfItsOwnPrintsTheRedactedTrace() {
        try (LogbackHarness logback = LogbackHarness.configure("UnknownConversionWordsPrintRedactedDataTest", dir)) {
            IllegalArgumentException rejected = new IllegalArgumentException(
                    "Invalid character found in the request target [/owners?password=hunter2&card=4111111111111111]\r\nFORGED");
            logback.logger("org.apache.coyote.http11.Http11Processor").error("Request rejected", rejected);
            String out = logback.written("out.log");
            assertThat(out).doesNotContain("hunter2").doesNotContain("4111111111111111")
                    .contains("Invalid character found in the request target [/owners?password=")
                    .contains("\tat dev.logshield.redact.logback.UnknownConversionWordsPrintRedactedDataTest")
                    .contains("RedactedException:Invalid character found")
                    .doesNotContain("\nFORGED").contains("\\r\\nFORGED");
        }
    }
}
