package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PRI is facility &times; 8 + severity (RFC 5424 §6.2.1) for every facility name, in any case, and severity follows
 * the level: ERROR 3, WARN 4, INFO 6, DEBUG 7, TRACE 7.
 */
class SeverityAndFacilityMakePriTest {

    @ParameterizedTest
    @CsvSource({"ERROR,3", "WARN,4", "INFO,6", "DEBUG,7", "TRACE,7"})
    void severityFollowsTheLevel(String level, int severity) {
        assertThat(pri("user", Level.toLevel(level))).isEqualTo(8 + severity);
        assertThat(pri("local7", Level.toLevel(level))).isEqualTo(23 * 8 + severity);
    }

    @ParameterizedTest
    @CsvSource({"kern,0", "user,1", "mail,2", "daemon,3", "auth,4", "syslog,5", "lpr,6", "news,7", "uucp,8",
        "cron,9", "authpriv,10", "ftp,11", "local0,16", "local1,17", "local2,18", "local3,19", "local4,20",
        "local5,21", "local6,22", "local7,23", "LOCAL3,19", "Daemon,3"})
    void facilityNamesGiveTheirCode(String facility, int code) {
        assertThat(pri(facility, Level.ERROR)).isEqualTo(code * 8 + 3);
        assertThat(pri(facility, Level.DEBUG)).isEqualTo(code * 8 + 7);
    }

    private static int pri(String facility, Level level) {
        LoggerContext context = new LoggerContext();
        Rfc5424Encoder encoder = new Rfc5424Encoder();
        encoder.setContext(context);
        encoder.setFacility(facility);
        encoder.start();
        assertThat(encoder.isStarted()).isTrue();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("l"), level, "m", null, null);
        event.setMDCPropertyMap(Map.of());
        String out = new String(encoder.encode(event), UTF_8);
        assertThat(out).startsWith("<").contains(">1 ");
        return Integer.parseInt(out.substring(1, out.indexOf('>')));
    }
}
