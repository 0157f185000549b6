package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import dev.logshield.tls.framing.CapturingAppender;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Instant;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * What logstash-logback-encoder's LogstashEncoder writes, configured from logback.xml as users do, parses back to
 * the same event: timestamp (in any zone), level, logger, thread, message, MDC, key-value pairs and structured
 * arguments, custom fields (nested ones as compact JSON), the stack trace; {@code @version} and
 * {@code level_value} are left out.
 */
class LogstashEncoderOutputParsesBackTest {

    private static final Instant INSTANT = Instant.parse("2026-11-25T10:11:12.123Z");

    private final LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of());
    private final JsonLineParser parser = new JsonLineParser();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void everyPartOfTheEventComesBack() throws MalformedEventException {
        LoggingEvent event = event("com.acme.Shop", Level.WARN, "paid {} for {}", null,
                StructuredArguments.kv("order", 7), "grüße \"quoted\"\nline 2");
        event.setMDCPropertyMap(Map.of("user", "bob", "tenant", "t1"));
        event.addKeyValuePair(new KeyValuePair("amount", 12.5));

        byte[] json = encode("JSON", event);
        ParsedEvent parsed = parser.parse(json);

        assertThat(parsed.timestamp()).isEqualTo(INSTANT);
        assertThat(parsed.level()).isEqualTo(Level.WARN);
        assertThat(parsed.loggerName()).isEqualTo("com.acme.Shop");
        assertThat(parsed.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(parsed.message()).isEqualTo("paid order=7 for grüße \"quoted\"\nline 2");
        assertThat(parsed.stackTrace()).isNull();
        assertThat(parsed.fields()).containsEntry("user", "bob").containsEntry("tenant", "t1")
                .containsEntry("amount", "12.5").containsEntry("order", "7").containsEntry("service", "shop")
                .containsEntry("tags", "[\"a\",\"b\"]").containsEntry("build", "{\"n\":7,\"ok\":true}")
                .doesNotContainKeys("@version", "level_value", "@timestamp", "message", "logger_name",
                        "thread_name", "level");
    }

    @Test
    void theStackTraceComesBackWhole() throws MalformedEventException {
        IllegalStateException thrown = new IllegalStateException("declined");
        ParsedEvent parsed = parser.parse(encode("JSON", event("com.acme.Pay", Level.ERROR, "failed", thrown)));

        assertThat(parsed.level()).isEqualTo(Level.ERROR);
        assertThat(parsed.stackTrace()).startsWith("java.lang.IllegalStateException: declined")
                .contains("\tat dev.logshield.tls.receiver.parse.LogstashEncoderOutputParsesBackTest");
        assertThat(parsed.message()).isEqualTo("failed");
    }

    @Test
    void everyLevelAndAnyTimeZoneComeBack() throws MalformedEventException {
        for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR}) {
            byte[] json = encode("JSON_BERLIN", event("l", level, "m", null));
            assertThat(new String(json, UTF_8)).contains("\"@timestamp\":\"2026-11-25T11:11:12.123+01:00\"");
            ParsedEvent parsed = parser.parse(json);
            assertThat(parsed.level()).isEqualTo(level);
            assertThat(parsed.timestamp()).isEqualTo(INSTANT);
        }
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message,
                thrown, args);
        event.setInstant(INSTANT);
        return event;
    }

    private byte[] encode(String appender, LoggingEvent event) {
        CapturingAppender capturing = (CapturingAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender(appender);
        Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder = capturing.getEncoder();
        return encoder.encode(event);
    }
}
