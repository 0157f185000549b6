package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The four examples of RFC 5424 §6.5 parse into exactly the events they describe. */
class Rfc5424ExamplesParseTest {

    private static final String BOM = "\uFEFF";

    private final Rfc5424Parser parser = new Rfc5424Parser();

    @Test
    void example1WithoutStructuredDataAndWithABom() throws MalformedEventException {
        ParsedEvent event = parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - " + BOM
                + "'su root' failed for lonvick on /dev/pts/8");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
        assertThat(event.level()).isEqualTo(Level.ERROR); // severity 2, critical
        assertThat(event.loggerName()).isEqualTo("ID47");
        assertThat(event.threadName()).isNull();
        assertThat(event.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        assertThat(event.fields()).containsExactly(entry("syslog.facility", "auth"), entry("syslog.severity", "2"),
                entry("syslog.hostname", "mymachine.example.com"), entry("syslog.appname", "su"),
                entry("syslog.msgid", "ID47"));
        assertThat(event.stackTrace()).isNull();
    }

    @Test
    void example2WithAnOffsetAndMicroseconds() throws MalformedEventException {
        ParsedEvent event = parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time "
                + "to make the do-nuts.");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
        assertThat(event.level()).isEqualTo(Level.INFO); // severity 5, notice
        assertThat(event.loggerName()).isEqualTo("myproc"); // no MSGID: APP-NAME
        assertThat(event.message()).isEqualTo("%% It's time to make the do-nuts.");
        assertThat(event.fields()).containsExactly(entry("syslog.facility", "local4"), entry("syslog.severity", "5"),
                entry("syslog.hostname", "192.0.2.1"), entry("syslog.appname", "myproc"),
                entry("syslog.procid", "8710"));
    }

    @Test
    void example3WithStructuredData() throws MalformedEventException {
        ParsedEvent event = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] " + BOM
                + "An application event log entry...");

        assertThat(event.loggerName()).isEqualTo("ID47");
        assertThat(event.message()).isEqualTo("An application event log entry...");
        assertThat(event.fields()).containsExactly(entry("syslog.facility", "local4"), entry("syslog.severity", "5"),
                entry("syslog.hostname", "mymachine.example.com"), entry("syslog.appname", "evntslog"),
                entry("syslog.msgid", "ID47"), entry("exampleSDID@32473.iut", "3"),
                entry("exampleSDID@32473.eventSource", "Application"), entry("exampleSDID@32473.eventID", "1011"));
    }

    @Test
    void example4WithTwoElementsAndNoMessage() throws MalformedEventException {
        ParsedEvent event = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]"
                + "[examplePriority@32473 class=\"high\"]");

        assertThat(event.message()).isEmpty();
        assertThat(event.fields()).containsEntry("exampleSDID@32473.eventID", "1011")
                .containsEntry("examplePriority@32473.class", "high").hasSize(9);
    }

    private ParsedEvent parse(String text) throws MalformedEventException {
        return parser.parse(text.getBytes(UTF_8));
    }
}
