package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.logshield.tls.receiver.frames.DropReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every RFC 5424 header rule is enforced, each violation is an unparsable-syslog drop whose detail says what and
 * where in printable ASCII only, and the documented mappings (severity to level, facility names, logger name,
 * message clean-up) hold.
 */
class Rfc5424RulesAreEnforcedTest {

    private static final String TS = "2026-11-25T10:11:12.123456Z";

    private final Rfc5424Parser parser = new Rfc5424Parser();

    @Test
    void priMustBeZeroTo191WithoutLeadingZeros() throws MalformedEventException {
        assertThat(parse("<0>1 - - - - - -").fields()).containsEntry("syslog.facility", "kern")
                .containsEntry("syslog.severity", "0");
        assertThat(parse("<191>1 - - - - - -").fields()).containsEntry("syslog.facility", "local7")
                .containsEntry("syslog.severity", "7");
        assertUnparsable("<192>1 - - - - - -", "PRI 192 is over 191");
        assertUnparsable("<013>1 - - - - - -", "PRI has a leading zero");
        assertUnparsable("<1000>1 - - - - - -", "PRI has more than 3 digits");
        assertUnparsable("<>1 - - - - - -", "expected the digits of PRI");
        assertUnparsable("13>1 - - - - - -", "expected '<' starting PRI", "character 0");
        assertUnparsable("<13 1 - - - - - -", "expected '>' ending PRI");
    }

    @Test
    void severityGivesTheLevelAndFacilityItsName() throws MalformedEventException {
        Level[] expected = {Level.ERROR, Level.ERROR, Level.ERROR, Level.ERROR, Level.WARN, Level.INFO, Level.INFO,
            Level.DEBUG};
        for (int severity = 0; severity < 8; severity++) {
            assertThat(parse("<" + (20 * 8 + severity) + ">1 - - - - - -").level()).as("severity " + severity)
                    .isEqualTo(expected[severity]);
        }
        String[] names = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
            "authpriv", "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3", "local4",
            "local5", "local6", "local7"};
        for (int facility = 0; facility < 24; facility++) {
            assertThat(parse("<" + facility * 8 + ">1 - - - - - -").fields().get("syslog.facility"))
                    .isEqualTo(names[facility]);
        }
    }

    @Test
    void onlyVersion1IsRfc5424() {
        assertUnparsable("<13>2 - - - - - -", "expected VERSION 1");
        assertUnparsable("<13>10 - - - - - -", "expected SP after VERSION");
        assertUnparsable("<13>Oct 11 22:14:15 host tag: x", "expected VERSION 1");
    }

    @Test
    void timestampsAreExactlyRfc3339() throws MalformedEventException {
        assertThat(parse("<13>1 2026-11-25T10:11:12Z - - - - -").timestamp())
                .isEqualTo(Instant.parse("2026-11-25T10:11:12Z"));
        assertThat(parse("<13>1 2026-11-25T23:59:59.1+14:00 - - - - -").timestamp())
                .isEqualTo(Instant.parse("2026-11-25T09:59:59.100Z"));
        assertThat(parse("<13>1 2024-02-29T00:00:00-23:59 - - - - -").timestamp())
                .isEqualTo(Instant.parse("2024-02-29T23:59:00Z"));
        assertThat(parse("<13>1 - - - - - -").timestamp()).isNull();
        for (String bad : new String[] {"2026-11-25t10:11:12Z", "2026-11-25T10:11:12z", "2026-11-25T10:11:12",
            "2026-11-25 10:11:12Z", "2025-02-29T10:11:12Z", "2026-13-01T10:11:12Z", "2026-11-31T10:11:12Z",
            "2026-11-25T24:00:00Z", "2026-11-25T10:60:00Z", "2026-11-25T10:11:60Z", "2026-11-25T10:11:12.Z",
            "2026-11-25T10:11:12.1234567Z", "2026-11-25T10:11:12+0100", "2026-11-25T10:11:12+24:00",
            "26-11-25T10:11:12Z", "2026-11-25T10:11:12.123456+01:00x", "--"}) {
            assertUnparsable("<13>1 " + bad + " - - - - -", "TIMESTAMP");
        }
    }

    @Test
    void headerFieldsArePrintableAsciiOfTheirMaximumLength() throws MalformedEventException {
        String ok = "<13>1 " + TS + " " + "h".repeat(255) + " " + "a".repeat(48) + " " + "p".repeat(128) + " "
                + "m".repeat(32) + " -";
        assertThat(parse(ok).fields()).containsEntry("syslog.hostname", "h".repeat(255))
                .containsEntry("syslog.msgid", "m".repeat(32));
        assertUnparsable("<13>1 " + TS + " " + "h".repeat(256) + " a p m -", "HOSTNAME is longer than 255");
        assertUnparsable("<13>1 " + TS + " h " + "a".repeat(49) + " p m -", "APP-NAME is longer than 48");
        assertUnparsable("<13>1 " + TS + " h a " + "p".repeat(129) + " m -", "PROCID is longer than 128");
        assertUnparsable("<13>1 " + TS + " h a p " + "m".repeat(33) + " -", "MSGID is longer than 32");
        assertUnparsable("<13>1 " + TS + " hé a p m -", "HOSTNAME must be printable US-ASCII");
        assertUnparsable("<13>1 " + TS + " h\ta p m -", "HOSTNAME must be printable US-ASCII");
        assertUnparsable("<13>1 " + TS + "  h a p m -", "expected HOSTNAME");
        assertUnparsable("<13>1 " + TS + " h a p m", "expected SP after MSGID");
    }

    @Test
    void theLoggerIsMsgIdElseAppNameElseSyslog() throws MalformedEventException {
        assertThat(parse("<13>1 - h app p com.acme.Shop -").loggerName()).isEqualTo("com.acme.Shop");
        assertThat(parse("<13>1 - h app p - -").loggerName()).isEqualTo("app");
        assertThat(parse("<13>1 - h - p - -").loggerName()).isEqualTo("syslog");
        assertThat(parse("<13>1 - - - - - -").fields()).containsOnlyKeys("syslog.facility", "syslog.severity");
    }

    @Test
    void structuredDataOrNilThenEndOrSpAndMessage() throws MalformedEventException {
        assertThat(parse("<13>1 - - - - - - hello").message()).isEqualTo("hello");
        assertThat(parse("<13>1 - - - - - - ").message()).isEmpty();
        assertThat(parse("<13>1 - - - - - -   spaced ").message()).isEqualTo("  spaced ");
        assertUnparsable("<13>1 - - - - - hello", "expected STRUCTURED-DATA");
        assertUnparsable("<13>1 - - - - - -hello", "expected SP before MSG");
        assertUnparsable("<13>1 - - - - - [a@1 x=\"1\"]hello", "SP before MSG");
    }

    @Test
    void theMessageLosesOneBomAndTrailingLineBreaksOnly() throws MalformedEventException {
        assertThat(parse("<13>1 - - - - - - \uFEFFboom\n\tat x.Y(Y.java:1)\r\n\n").message())
                .isEqualTo("boom\n\tat x.Y(Y.java:1)");
        assertThat(parse("<13>1 - - - - - - \uFEFF\uFEFFtwo").message()).isEqualTo("\uFEFFtwo");
        assertThat(parse("<13>1 - - - - - - \n\nlead").message()).isEqualTo("\n\nlead");
    }

    @Test
    void invalidUtf8IsItsOwnReason() {
        byte[] payload = "<13>1 - - - - - - caf\u00e9".getBytes(UTF_8);
        payload[payload.length - 1] = (byte) 0x28; // C3 28: a lead byte without its continuation
        assertThatThrownBy(() -> parser.parse(payload)).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.INVALID_UTF8);
            assertThat(e.getMessage()).contains("0xC3").contains("byte offset 21");
        });
        byte[] overlong = {'<', '1', '3', '>', '1', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ',
            (byte) 0xC0, (byte) 0xAF};
        assertThatThrownBy(() -> parser.parse(overlong)).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_UTF8));
    }

    @Test
    void detailsAreShortAndPrintable() {
        String hostile = "<13>1 " + TS + " \u0007\u001b[31m" + "x".repeat(10_000) + " a p m -";
        assertThatThrownBy(() -> parse(hostile)).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.getMessage()).hasSizeLessThan(200).matches("[\\x20-\\x7e]*")
                    .contains("HOSTNAME must be printable US-ASCII at character 34");
        });
    }

    @Test
    void anOffsetSliceOfALargerArrayIsParsed() throws MalformedEventException {
        byte[] padded = "xx<13>1 - - - - - - mid yy".getBytes(UTF_8);
        assertThat(parser.parse(padded, 2, padded.length - 5).message()).isEqualTo("mid");
    }

    private ParsedEvent parse(String text) throws MalformedEventException {
        return parser.parse(text.getBytes(UTF_8));
    }

    private void assertUnparsable(String text, String... details) {
        assertThatThrownBy(() -> parse(text)).as(text).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.UNPARSABLE_SYSLOG);
            assertThat(e.getMessage()).startsWith("unparsable-syslog: ").contains(details);
        });
    }
}
