package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.logshield.springboot.StructuredOutput.Format;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boot's structured logging (3.4+) behind a {@code RedactingAppender}: Boot's {@code structured-file-appender.xml}
 * included unchanged, {@code StructuredLogEncoder} in each of Boot's formats (ECS, GELF, Logstash), its stack traces
 * printed both ways Boot prints them (Logback's converter over the throwable proxy by default; Boot's own
 * {@code StandardStackTracePrinter} over {@code ThrowableProxy.getThrowable()}, the {@code RedactedException}
 * stand-in, as soon as a {@code logging.structured.json.stacktrace.*} property is set), and logstash-logback-encoder's
 * own {@code LogstashEncoder}. Every JSON line holds no secret; message, MDC, key-values and exception fields keep
 * their benign parts.
 *
 * <p>The exception type ECS and GELF report ({@code error.type}, {@code _error_type}) is the original class: Boot
 * reads {@code IThrowableProxy.getClassName()}, which the redacted proxy answers with the original class name. The
 * printed stack traces show original class names too, whichever printer runs ({@code RedactedException.toString()}).
 */
class StructuredLoggingBehindRedactingAppenderTest {

    /** How Boot prints the stack trace into the JSON. */
    enum StackTraces {
        /** Default: Logback's {@code ThrowableProxyConverter} over the event's {@code IThrowableProxy}. */
        LOGBACK_CONVERTER(Map.of()),
        /** Boot's {@code StandardStackTracePrinter} over {@code ThrowableProxy.getThrowable()}, root cause first. */
        BOOT_PRINTER_ON_THE_THROWABLE(Map.of("logging.structured.json.stacktrace.root", "first"));

        final Map<String, Object> properties;

        StackTraces(Map<String, Object> properties) {
            this.properties = properties;
        }
    }

    @TempDir
    Path dir;

    static Stream<Arguments> formatsAndPrinters() {
        return Stream.of(Format.values())
                .flatMap(f -> Stream.of(StackTraces.values()).map(p -> Arguments.of(f, p)));
    }

    @ParameterizedTest(name = "{0}, stack trace by {1}")
    @MethodSource("formatsAndPrinters")
    void bootsStructuredLogsHoldNoSecret(Format format, StackTraces stackTraces) {
        Map<String, Object> properties = new HashMap<>(stackTraces.properties);
        properties.put("logging.structured.format.file", format.bootName);
        properties.put("logging.structured.ecs.service.name", "petclinic");
        properties.put("logging.structured.ecs.service.version", "3.4.0");
        properties.put("logging.structured.gelf.host", "petclinic-1");
        try (BootLogging boot = BootLogging.start("StructuredLoggingBehindRedactingAppenderTest", dir, properties)) {
            SecretBearingEvents.log(boot.logger());
            String written = boot.logFileContent();

            StructuredOutput.assertRedactedAndReadable(written, format);
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }

    @Test
    void logstashLogbackEncodersOwnEncoderHoldsNoSecret() {
        try (BootLogging boot = BootLogging.start("StructuredLoggingBehindRedactingAppenderTest-logstash-encoder",
                dir)) {
            SecretBearingEvents.log(boot.logger());
            String written = boot.logFileContent();

            StructuredOutput.assertRedactedAndReadable(written, Format.LOGSTASH);
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }
}
