package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.CoreConstants;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Configured from logback.xml, the encoder writes every RFC 5424 header field exactly: PRI from facility and
 * level, VERSION 1, the timestamp with microseconds in the configured zone, HOSTNAME, APP-NAME, PROCID and MSGID
 * as configured, or by default the context's HOSTNAME, the context name, the pid and {@code -}; {@code %logger}
 * gives the logger name's last 32 characters; output is UTF-8 without a trailing newline; {@code <bom>} puts the
 * UTF-8 BOM at the start of MSG.
 */
class Rfc5424HeaderIsExactTest {

    private final LogbackXml logback = LogbackXml.configure(getClass(), Map.of());

    @AfterEach
    void close() {
        logback.close();
    }

    @Test
    void everyConfiguredFieldIsWritten() {
        String out = encode("FULL", logback.event("com.acme.Shop", Level.INFO, "paid", null, Map.of()));
        assertThat(out).isEqualTo("<166>1 2026-11-25T12:11:12.123456+02:00 web-1.example shop 4242 ORDERS - paid");
    }

    @Test
    void defaultsComeFromTheContextAndTheJvm() {
        String host = logback.context.getProperty(CoreConstants.HOSTNAME_KEY);
        String out = encode("DEFAULTS", logback.event("com.acme.Shop", Level.WARN, "low stock", null, Map.of()));
        assertThat(out).isEqualTo("<12>1 2026-11-25T10:11:12.123456Z " + PrintableAscii.sanitize(host, 255)
                + " Rfc5424HeaderIsExactTest " + ProcessHandle.current().pid() + " - - low stock");
    }

    @Test
    void msgIdCanBeTheLoggerNameCutToItsLast32Characters() {
        String logger = "com.acme.shop.payment.internal.PaymentService";
        String out = encode("LOGGER_MSGID", logback.event(logger, Level.ERROR, "declined", null, Map.of()));
        assertThat(out).isEqualTo("<187>1 2026-11-25T11:11:12.123456+01:00 h a 1 "
                + logger.substring(logger.length() - 32) + " - declined");
        assertThat(encode("LOGGER_MSGID", logback.event("short", Level.DEBUG, "x", null, Map.of())))
                .isEqualTo("<191>1 2026-11-25T11:11:12.123456+01:00 h a 1 short - x");
    }

    @Test
    void outputIsUtf8WithoutATrailingNewline() {
        byte[] bytes = logback.encoder("FULL").encode(
                logback.event("com.acme.Shop", Level.INFO, "grüße 日本 \uD83D\uDE00\n", null, Map.of()));
        assertThat(bytes).isEqualTo(
                "<166>1 2026-11-25T12:11:12.123456+02:00 web-1.example shop 4242 ORDERS - grüße 日本 \uD83D\uDE00"
                        .getBytes(UTF_8));
    }

    @Test
    void bomStartsTheMessage() {
        byte[] bytes = logback.encoder("BOM").encode(logback.event("l", Level.INFO, "é", null, Map.of()));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("<14>1 2026-11-25T10:11:12.123456Z h a 1 - - ".getBytes(UTF_8));
        expected.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        expected.writeBytes("é".getBytes(UTF_8));
        assertThat(bytes).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEmptyMessageLeavesMsgOut() {
        assertThat(encode("FULL", logback.event("l", Level.INFO, "", null, Map.of())))
                .isEqualTo("<166>1 2026-11-25T12:11:12.123456+02:00 web-1.example shop 4242 ORDERS -");
    }

    private String encode(String appender, ch.qos.logback.classic.spi.ILoggingEvent event) {
        return new String(logback.encoder(appender).encode(event), UTF_8);
    }
}
