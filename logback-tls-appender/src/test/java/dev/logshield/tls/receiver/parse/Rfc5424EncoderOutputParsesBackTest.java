package dev.logshield.tls.receiver.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.tls.framing.CapturingAppender;
import dev.logshield.tls.framing.Rfc5424Encoder;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * What our {@link Rfc5424Encoder} writes, configured from logback.xml, parses back to the same event: level (TRACE
 * comes back as DEBUG, syslog has no lower severity), message with its stack trace, MDC and key-value pairs
 * (escaped characters restored), the timestamp to the microsecond in any zone, the header fields, the sequence
 * element, and the logger name from {@code <msgId>%logger</msgId>}.
 */
class Rfc5424EncoderOutputParsesBackTest {

    private static final Instant INSTANT = Instant.parse("2026-11-25T10:11:12.123456789Z");

    private final LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of());
    private final Rfc5424Parser parser = new Rfc5424Parser();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void levelMessageMdcAndTimestampComeBack() throws MalformedEventException {
        LoggingEvent event = event("com.acme.Shop", Level.WARN, "paid \"7\" [ok] \\ grüße\nsecond line\n", null,
                Map.of("user", "bob", "quote", "a\"b]c\\d", "empty", ""));
        event.addKeyValuePair(new KeyValuePair("amount", 12.5));

        ParsedEvent parsed = parser.parse(encoder("DEFAULT").encode(event));

        assertThat(parsed.level()).isEqualTo(Level.WARN);
        assertThat(parsed.message()).isEqualTo("paid \"7\" [ok] \\ grüße\nsecond line");
        assertThat(parsed.timestamp()).isEqualTo(INSTANT.truncatedTo(ChronoUnit.MICROS));
        assertThat(parsed.loggerName()).isEqualTo("shop"); // MSGID is '-' by default: APP-NAME
        assertThat(parsed.fields()).containsExactly(entry("syslog.facility", "local4"), entry("syslog.severity", "4"),
                entry("syslog.hostname", "web-1.example"), entry("syslog.appname", "shop"),
                entry("syslog.procid", "4242"), entry("empty", ""), entry("quote", "a\"b]c\\d"), entry("user", "bob"),
                entry("amount", "12.5"));
    }

    @Test
    void everyLevelComesBackAsItsSeverity() throws MalformedEventException {
        Level[][] cases = {{Level.ERROR, Level.ERROR}, {Level.WARN, Level.WARN}, {Level.INFO, Level.INFO},
            {Level.DEBUG, Level.DEBUG}, {Level.TRACE, Level.DEBUG}};
        for (Level[] c : cases) {
            assertThat(parser.parse(encoder("DEFAULT").encode(event("l", c[0], "m", null))).level()).as(c[0].toString())
                    .isEqualTo(c[1]);
        }
    }

    @Test
    void stackTracesSequenceIdsLoggerNameAndZoneComeBack() throws MalformedEventException {
        String logger = "com.acme.shop.payment.internal.PaymentService";
        Rfc5424Encoder encoder = encoder("FULL");
        ParsedEvent parsed = parser.parse(encoder.encode(event(logger, Level.ERROR, "declined",
                new IllegalStateException("card expired"))));

        assertThat(parsed.loggerName()).isEqualTo(logger.substring(logger.length() - 32));
        assertThat(parsed.timestamp()).isEqualTo(INSTANT.truncatedTo(ChronoUnit.MICROS));
        assertThat(parsed.message()).startsWith("declined\njava.lang.IllegalStateException: card expired\n\tat ");
        assertThat(parsed.fields()).containsEntry("logshield@32473.seq", "1")
                .containsEntry("logshield@32473.origin", encoder.origin());
        assertThat(parser.parse(encoder.encode(event("l", Level.INFO, "again", null))).fields())
                .containsEntry("logshield@32473.seq", "2");
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown) {
        return event(logger, level, message, thrown, Map.of());
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message,
                thrown, null);
        event.setInstant(INSTANT);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private Rfc5424Encoder encoder(String appender) {
        CapturingAppender capturing = (CapturingAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender(appender);
        return (Rfc5424Encoder) capturing.getEncoder();
    }
}
