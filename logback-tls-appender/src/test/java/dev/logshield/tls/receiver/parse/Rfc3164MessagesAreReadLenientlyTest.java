package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import dev.logshield.tls.receiver.frames.DropReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * BSD syslog (RFC 3164) as devices and rsyslog's forwarding templates send it: the RFC's examples, the year of a
 * yearless timestamp the latest not over a day ahead of now (a December message read in January keeps its
 * year, a February one read in November is from this February), RFC 3339 timestamps
 * too, a missing hostname, TAG forms with and without a PID, and no timestamp at all meaning the whole rest is the
 * message. Only a bad PRI makes it unparsable.
 */
class Rfc3164MessagesAreReadLenientlyTest {

    private final Rfc3164Parser parser = at("2026-11-25T10:00:00Z");

    @Test
    void rfc3164Example1() throws MalformedEventException {
        ParsedEvent event = parse(parser, "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-10-11T22:14:15Z"));
        assertThat(event.level()).isEqualTo(Level.ERROR);
        assertThat(event.loggerName()).isEqualTo("su");
        assertThat(event.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        assertThat(event.fields()).containsExactly(entry("syslog.facility", "auth"), entry("syslog.severity", "2"),
                entry("syslog.hostname", "mymachine"), entry("syslog.appname", "su"));
    }

    @Test
    void rfc3164Example2WithoutATag() throws MalformedEventException {
        ParsedEvent event = parse(parser, "<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-02-05T17:32:18Z"));
        assertThat(event.level()).isEqualTo(Level.INFO);
        assertThat(event.loggerName()).isEqualTo("syslog");
        assertThat(event.message()).isEqualTo("Use the BFG!");
        assertThat(event.fields()).containsEntry("syslog.hostname", "10.0.0.99").doesNotContainKey("syslog.appname");
    }

    @Test
    void rfc3164Example3KeepsWhatFollowsItsOddTimestampAsTheMessage() throws MalformedEventException {
        ParsedEvent event = parse(parser, "<165>Aug 24 05:34:00 CST 1987 mymachine myproc[10]: %% It's time to make "
                + "the do-nuts.  %%  Ingredients: Mix=OK, Jelly=OK #");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-08-24T05:34:00Z"));
        assertThat(event.fields()).containsEntry("syslog.hostname", "CST").doesNotContainKey("syslog.appname");
        assertThat(event.message()).startsWith("1987 mymachine myproc[10]: %% It's time");
    }

    @Test
    void rfc3164Example4WithoutAValidTimestampIsAllMessage() throws MalformedEventException {
        ParsedEvent event = parse(parser, "<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 "
                + "sched[0]: That's All Folks!");

        assertThat(event.timestamp()).isNull();
        assertThat(event.level()).isEqualTo(Level.ERROR);
        assertThat(event.loggerName()).isEqualTo("syslog");
        assertThat(event.message()).isEqualTo("1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 "
                + "sched[0]: That's All Folks!");
        assertThat(event.fields()).containsOnlyKeys("syslog.facility", "syslog.severity");
    }

    @Test
    void theYearIsTheLatestNotMoreThanADayAhead() throws MalformedEventException {
        assertThat(parse(at("2026-11-25T10:00:00Z"), "<13>Nov 26 09:00:00 h t: x").timestamp())
                .isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(parse(at("2026-11-25T10:00:00Z"), "<13>Nov 26 11:00:00 h t: x").timestamp())
                .isEqualTo(Instant.parse("2025-11-26T11:00:00Z"));
        assertThat(parse(at("2027-01-01T00:00:30Z"), "<13>Dec 31 23:59:50 h t: x").timestamp())
                .isEqualTo(Instant.parse("2026-12-31T23:59:50Z"));
        assertThat(parse(at("2026-12-31T23:59:50Z"), "<13>Jan  1 00:00:10 h t: x").timestamp())
                .isEqualTo(Instant.parse("2027-01-01T00:00:10Z"));
        assertThat(parse(at("2028-03-01T00:00:00Z"), "<13>Feb 29 12:00:00 h t: x").timestamp())
                .isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
        // no leap year within a year of now: not a timestamp, so all of it is the message
        ParsedEvent noLeapYear = parse(at("2026-03-01T00:00:00Z"), "<13>Feb 29 12:00:00 h t: x");
        assertThat(noLeapYear.timestamp()).isNull();
        assertThat(noLeapYear.message()).isEqualTo("Feb 29 12:00:00 h t: x");
    }

    @Test
    void bsdTimestampVariants() throws MalformedEventException {
        assertThat(parse(parser, "<13>oct 01 22:14:15 h t: x").timestamp())
                .isEqualTo(Instant.parse("2026-10-01T22:14:15Z"));
        assertThat(parse(parser, "<13>Oct  1 22:14:15 h t: x").timestamp())
                .isEqualTo(Instant.parse("2026-10-01T22:14:15Z"));
        for (String bad : new String[] {"Oct 32 22:14:15", "Okt 11 22:14:15", "Oct 11 24:14:15", "Oct 11 22:60:15",
            "Oct 11 22:14:60", "Oct 11 22.14.15", "Oct 1 22:14:15"}) {
            ParsedEvent event = parse(parser, "<13>" + bad + " h t: x");
            assertThat(event.timestamp()).as(bad).isNull();
            assertThat(event.message()).as(bad).isEqualTo(bad + " h t: x");
        }
    }

    @Test
    void rsyslogsForwardFormatWithAnRfc3339Timestamp() throws MalformedEventException {
        ParsedEvent event = parse(parser, "<30>2026-11-25T10:11:12.123456+01:00 web-1 sshd[42]: Accepted publickey");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-25T09:11:12.123456Z"));
        assertThat(event.loggerName()).isEqualTo("sshd");
        assertThat(event.message()).isEqualTo("Accepted publickey");
        assertThat(event.fields()).containsExactly(entry("syslog.facility", "daemon"), entry("syslog.severity", "6"),
                entry("syslog.hostname", "web-1"), entry("syslog.appname", "sshd"), entry("syslog.procid", "42"));
    }

    @Test
    void tagForms() throws MalformedEventException {
        ParsedEvent withPid = parse(parser, "<22>Nov 25 10:11:12 mx1 postfix/smtpd[1234]: connect from x");
        assertThat(withPid.fields()).containsEntry("syslog.appname", "postfix/smtpd")
                .containsEntry("syslog.procid", "1234");
        assertThat(withPid.message()).isEqualTo("connect from x");

        ParsedEvent pidWithoutColon = parse(parser, "<22>Nov 25 10:11:12 mx1 cron[7] started");
        assertThat(pidWithoutColon.loggerName()).isEqualTo("cron");
        assertThat(pidWithoutColon.message()).isEqualTo("started");

        ParsedEvent noSpace = parse(parser, "<22>Nov 25 10:11:12 mx1 kernel:[ 0.1] boot");
        assertThat(noSpace.loggerName()).isEqualTo("kernel");
        assertThat(noSpace.message()).isEqualTo("[ 0.1] boot");

        ParsedEvent tooLong = parse(parser, "<22>Nov 25 10:11:12 mx1 " + "t".repeat(49) + ": x");
        assertThat(tooLong.loggerName()).isEqualTo("syslog");
        assertThat(tooLong.message()).isEqualTo("t".repeat(49) + ": x");
    }

    @Test
    void aMissingHostnameIsRecognisedByTheTagForm() throws MalformedEventException {
        ParsedEvent tagOnly = parse(parser, "<13>Oct 11 22:14:15 su: 'su root' failed");
        assertThat(tagOnly.fields()).doesNotContainKey("syslog.hostname").containsEntry("syslog.appname", "su");
        assertThat(tagOnly.message()).isEqualTo("'su root' failed");

        ParsedEvent ipv6Host = parse(parser, "<13>Oct 11 22:14:15 fe80::1 su: x");
        assertThat(ipv6Host.fields()).containsEntry("syslog.hostname", "fe80::1").containsEntry("syslog.appname", "su");
    }

    @Test
    void onlyABadPriIsUnparsable() throws MalformedEventException {
        assertThat(parse(parser, "<13>").message()).isEmpty();
        assertThat(parse(parser, "<13>\uFEFFjust text\r\n").message()).isEqualTo("just text");
        for (String bad : new String[] {"", "13>x", "<192>x", "<01>x", "<x>y", "<13"}) {
            assertThatThrownBy(() -> parse(parser, bad)).as(bad).isInstanceOfSatisfying(MalformedEventException.class,
                    e -> assertThat(e.reason()).isEqualTo(DropReason.UNPARSABLE_SYSLOG));
        }
    }

    @Test
    void theSyslogFormatSendsVersion1ToRfc5424WithoutFallback() throws MalformedEventException {
        SyslogEventParser syslog = new SyslogEventParser(new Rfc5424Parser(), parser);
        assertThat(syslog.parse(bytes("<13>1 - h a - - - five")).fields()).containsEntry("syslog.appname", "a");
        assertThat(syslog.parse(bytes("<13>Oct 11 22:14:15 h a: three")).message()).isEqualTo("three");
        assertThat(syslog.parse(bytes("<13>10 apples")).message()).isEqualTo("10 apples");
        assertThatThrownBy(() -> syslog.parse(bytes("<13>1 not-a-timestamp h a - - - x")))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.getMessage()).contains("TIMESTAMP is not an RFC 3339 date-time"));
    }

    private static Rfc3164Parser at(String now) {
        return new Rfc3164Parser(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static ParsedEvent parse(Rfc3164Parser parser, String text) throws MalformedEventException {
        return parser.parse(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
