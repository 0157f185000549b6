package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.receiver.frames.DropReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing (jqwik): any payload through every parser gives either a well-formed event (non-empty logger, message,
 * at most 256 fields, no nulls) or a {@link MalformedEventException} with one of that parser's reasons and a short
 * printable detail; never another exception. A payload parsed from the middle of a larger array gives the same
 * result as on its own.
 *
 * <p>Payloads: random bytes; random text over the characters syslog and JSON syntax turn on; and valid samples
 * (RFC 5424 and 3164 examples, LogstashEncoder output) with random bytes replaced, inserted or deleted, so that
 * the parsers' deep paths are reached, not only their first check. Tries: {@code jqwik.tries.default} in
 * {@code src/test/resources/junit-platform.properties}; for a long run add e.g. {@code -Djqwik.tries.default=100000}
 * to the Maven command line.
 */
class AnyBytesNeverBreakTheEventParsersTest {

    private static final Set<DropReason> SYSLOG = EnumSet.of(DropReason.UNPARSABLE_SYSLOG, DropReason.INVALID_UTF8);
    private static final Set<DropReason> JSON = EnumSet.of(DropReason.INVALID_JSON, DropReason.INVALID_UTF8);
    private static final Set<DropReason> ANY = EnumSet.of(DropReason.UNPARSABLE_SYSLOG, DropReason.INVALID_JSON,
            DropReason.INVALID_UTF8, DropReason.UNKNOWN_FORMAT);

    private static final Rfc3164Parser RFC3164 =
            new Rfc3164Parser(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    private static final SyslogEventParser SYSLOG_PARSER = new SyslogEventParser(new Rfc5424Parser(), RFC3164);
    private static final Map<EventParser, Set<DropReason>> PARSERS = Map.of(
            new Rfc5424Parser(), SYSLOG,
            RFC3164, SYSLOG,
            SYSLOG_PARSER, SYSLOG,
            new JsonLineParser(), JSON,
            new AutoEventParser(SYSLOG_PARSER, new JsonLineParser()), ANY);

    private static final List<String> SAMPLES = List.of(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed",
            "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" "
                    + "eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"] hi",
            "<134>1 2026-11-25T10:11:12.123456Z h a - - [mdc@32473 q=\"a\\\"b\\\\c\\]d\" thread=\"t\"] x\ny",
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            "<30>2026-11-25T10:11:12.123456+01:00 web-1 postfix/smtpd[42]: Accepted",
            "{\"@timestamp\":\"2026-11-25T10:11:12.123Z\",\"@version\":\"1\",\"message\":\"paid\",\"logger_name\":"
                    + "\"com.acme.Shop\",\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000,"
                    + "\"user\":\"bob\",\"tags\":[\"a\"],\"o\":{\"x\":[1,{\"y\":null}],\"n\":-1.5e3}}");

    @Property
    void everyParserGivesAnEventOrADrop(@ForAll("payloads") byte[] payload) {
        byte[] padded = new byte[payload.length + 5];
        System.arraycopy(payload, 0, padded, 3, payload.length);
        for (Map.Entry<EventParser, Set<DropReason>> parser : PARSERS.entrySet()) {
            String name = parser.getKey().getClass().getSimpleName();
            Object whole = outcome(parser.getKey(), payload, 0, payload.length, parser.getValue(), name);
            Object slice = outcome(parser.getKey(), padded, 3, payload.length, parser.getValue(), name);
            assertThat(slice).as(name).isEqualTo(whole);
        }
    }

    /** The event, or the drop's message. */
    private static Object outcome(EventParser parser, byte[] bytes, int offset, int length, Set<DropReason> reasons,
                                  String name) {
        try {
            ParsedEvent event = parser.parse(bytes, offset, length);
            assertThat(event.loggerName()).as(name).isNotEmpty();
            assertThat(event.message()).as(name).isNotNull();
            assertThat(event.fields()).as(name).hasSizeLessThanOrEqualTo(256).doesNotContainKey(null)
                    .doesNotContainValue(null);
            return event;
        } catch (MalformedEventException e) {
            assertThat(e.reason()).as(name).isIn(reasons);
            assertThat(e.getMessage()).as(name).hasSizeLessThan(300).matches("[\\x20-\\x7e]*");
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                Arbitraries.strings().withChars("<>0123456789 -[]\"=\\@.:TZ+abcé\n\r\t\uFEFF\u0000")
                        .ofMaxLength(300).map(s -> "<" + s).map(s -> s.getBytes(UTF_8)),
                Arbitraries.strings().withChars("<134>1 2026-11-25T10:11:12Z h a - [mdc@32473 k=\"v\\]\"]")
                        .ofMaxLength(300).map(s -> s.getBytes(UTF_8)),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-tfnrulas \\/u\u00e9\uFEFF")
                        .ofMaxLength(300).map(s -> s.getBytes(UTF_8)),
                mutatedSamples());
    }

    private static Arbitrary<byte[]> mutatedSamples() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 255))
                .as((op, at, b) -> new int[] {op, at, b});
        return Combinators.combine(Arbitraries.of(SAMPLES), edit.list().ofMinSize(1).ofMaxSize(6))
                .as(AnyBytesNeverBreakTheEventParsersTest::mutate);
    }

    /** The sample with each edit applied: 0 replaces, 1 inserts, 2 deletes a byte. */
    private static byte[] mutate(String sample, List<int[]> edits) {
        StringBuilder bytes = new StringBuilder(new String(sample.getBytes(UTF_8), ISO_8859_1));
        for (int[] edit : edits) {
            int at = edit[1] % (bytes.length() + 1);
            char b = (char) edit[2];
            if (edit[0] == 1 || at == bytes.length()) {
                bytes.insert(at, b);
            } else if (edit[0] == 0) {
                bytes.setCharAt(at, b);
            } else {
                bytes.deleteCharAt(at);
            }
        }
        return bytes.toString().getBytes(ISO_8859_1);
    }
}
