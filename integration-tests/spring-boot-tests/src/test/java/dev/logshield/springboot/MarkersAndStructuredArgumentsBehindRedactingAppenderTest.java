package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MarkerFactory;

/**
 * Markers and logstash-logback-encoder's structured arguments behind a {@code RedactingAppender}: a marker's name
 * (Boot's ECS format writes marker names as {@code tags}), a {@code Markers.append(...)} field and a
 * {@code StructuredArguments.kv(...)} field (LogstashEncoder writes both as JSON fields) must hold no secret, and the
 * structured argument must still be written as a field.
 *
 * <p>Disabled on this branch: {@code dev.logshield.redact.event.StructuredValues} is the placeholder of commit
 * 7f0a60d ("until the structured branch lands"), so {@code EventRedactor} hands markers on unredacted and replaces
 * structured arguments it cannot redact as structures. Measured here (Boot 3.5.7 and 4.0.7): the marker name and the
 * appended marker's value are written in clear ({@code "tags":["owner m.name@example.com"]},
 * {@code "customer":"m.append@example.com"}), and the {@code kv("email", ...)} field disappears from LogstashEncoder's
 * output. logback-redact's own {@code EveryFieldIsRedactedTest.markerNamesAreRedacted} fails for the same reason.
 * Enable when the structured branch is merged.
 */
@Disabled("StructuredValues is a placeholder on this branch: markers leak, structured arguments are dropped "
        + "(see the class comment); enable when the structured branch lands")
class MarkersAndStructuredArgumentsBehindRedactingAppenderTest {

    private static final List<String> SECRETS = List.of("m.name@example.com", "m.append@example.com",
            "s.arg@example.com");

    @TempDir
    Path dir;

    @Test
    void bootsEcsTagsHoldNoSecret() {
        try (BootLogging boot = BootLogging.start("StructuredLoggingBehindRedactingAppenderTest", dir,
                Map.of("logging.structured.format.file", "ecs"))) {
            logMarkersAndStructuredArguments(boot.logger());
            String written = boot.logFileContent();

            assertThat(SECRETS).as("secrets found in:%n%s", written).noneMatch(written::contains);
            assertThat(written).contains("owner [REDACTED:email]");
        }
    }

    @Test
    void logstashEncodersMarkerAndArgumentFieldsHoldNoSecret() {
        try (BootLogging boot = BootLogging.start("StructuredLoggingBehindRedactingAppenderTest-logstash-encoder",
                dir)) {
            logMarkersAndStructuredArguments(boot.logger());
            String written = boot.logFileContent();

            assertThat(SECRETS).as("secrets found in:%n%s", written).noneMatch(written::contains);
            assertThat(written)
                    .contains("\"customer\":\"[REDACTED:email]\"")
                    .contains("\"email\":\"[REDACTED:email]\"");
        }
    }

    private static void logMarkersAndStructuredArguments(Logger log) {
        log.info(MarkerFactory.getMarker("owner m.name@example.com"), "marker named");
        log.info(Markers.append("customer", "m.append@example.com"), "marker appended");
        log.info("order placed", StructuredArguments.kv("email", "s.arg@example.com"));
    }
}
