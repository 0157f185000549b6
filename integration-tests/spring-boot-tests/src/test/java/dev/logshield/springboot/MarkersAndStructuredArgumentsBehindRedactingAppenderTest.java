package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MarkerFactory;

/**
 * Markers and logstash-logback-encoder's structured arguments behind a {@code RedactingAppender}: a marker's name
 * (Boot's ECS format writes marker names as {@code tags}), a {@code Markers.append(...)} field and a
 * {@code StructuredArguments.kv(...)} field (LogstashEncoder writes both as JSON fields) must hold no secret, and the
 * structured argument must still be written as a field.
 */
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
