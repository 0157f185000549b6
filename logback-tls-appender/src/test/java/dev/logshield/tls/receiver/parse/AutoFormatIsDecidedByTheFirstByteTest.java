package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.receiver.frames.DropReason;
import org.junit.jupiter.api.Test;

/**
 * {@code <format>} names select the parsers; {@code auto} sends a frame starting (after blanks and a BOM) with
 * {@code <} to syslog and with <code>{</code> to JSON, and drops anything else as unknown-format.
 */
class AutoFormatIsDecidedByTheFirstByteTest {

    private final EventParser auto = EventParsers.create("auto");

    @Test
    void syslogJsonAndAnythingElse() throws MalformedEventException {
        assertThat(parse("<13>1 - h app - - - five").loggerName()).isEqualTo("app");
        assertThat(parse("<13>Oct 11 22:14:15 h tag: three").loggerName()).isEqualTo("tag");
        assertThat(parse("{\"logger_name\":\"j\"}").loggerName()).isEqualTo("j");
        assertThat(parse(" \t\r\n\uFEFF  {\"message\":\"m\"}").message()).isEqualTo("m");
        assertThat(parse("\uFEFF<13>1 - - - - - - bom first").message()).isEqualTo("bom first");

        assertUnknown("plain text", "0x70", "byte offset 0");
        assertUnknown("  [1,2]", "0x5B", "byte offset 2");
        assertUnknown("", "blank");
        assertUnknown(" \r\n", "blank");
    }

    @Test
    void theChosenParserDecidesTheReason() {
        assertThatThrownBy(() -> parse("<13>1 bad")).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo(DropReason.UNPARSABLE_SYSLOG));
        assertThatThrownBy(() -> parse("{bad")).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON));
    }

    @Test
    void namesSelectTheParsers() {
        assertThat(EventParsers.names()).containsExactly("auto", "syslog", "json");
        assertThat(EventParsers.create(" AUTO ")).isInstanceOf(AutoEventParser.class);
        assertThat(EventParsers.create("Syslog")).isInstanceOf(SyslogEventParser.class);
        assertThat(EventParsers.create("json")).isInstanceOf(JsonLineParser.class);
        assertThatThrownBy(() -> EventParsers.create("gelf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'gelf'; use one of auto, syslog, json");
        assertThatThrownBy(() -> EventParsers.create(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonAndSyslogFormatsDoNotGuess() {
        assertThatThrownBy(() -> EventParsers.create("json").parse("<13>1 - - - - - -".getBytes(UTF_8)))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON));
        assertThatThrownBy(() -> EventParsers.create("syslog").parse("{}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(DropReason.UNPARSABLE_SYSLOG));
    }

    private ParsedEvent parse(String text) throws MalformedEventException {
        return auto.parse(text.getBytes(UTF_8));
    }

    private void assertUnknown(String text, String... details) {
        assertThatThrownBy(() -> parse(text)).as(text).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.UNKNOWN_FORMAT);
            assertThat(e.getMessage()).contains(details);
        });
    }
}
