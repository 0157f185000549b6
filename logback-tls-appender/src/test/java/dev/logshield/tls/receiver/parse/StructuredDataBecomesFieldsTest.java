package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.logshield.tls.receiver.frames.DropReason;
import org.junit.jupiter.api.Test;

/**
 * STRUCTURED-DATA becomes fields: {@code mdc@32473} parameters under their own names (its {@code thread} also as
 * the thread name), other elements' as {@code <SD-ID>.<name>}; the three escapes are undone and other backslashes
 * kept; SD-NAME rules, a repeated SD-ID and an unclosed value are errors; at most 256 fields.
 */
class StructuredDataBecomesFieldsTest {

    private static final String HEAD = "<134>1 2026-11-25T10:11:12.123456Z h a - - ";

    private final Rfc5424Parser parser = new Rfc5424Parser();

    @Test
    void theMdcElementGivesPlainNamesAndOthersArePrefixed() throws MalformedEventException {
        ParsedEvent event = parse(HEAD + "[mdc@32473 user=\"bob\" thread=\"worker-1\"]"
                + "[logshield@32473 seq=\"17\" origin=\"9f2c41d07be3a856\"][origin ip=\"192.0.2.1\"] paid");

        assertThat(event.fields()).containsExactly(entry("syslog.facility", "local0"), entry("syslog.severity", "6"),
                entry("syslog.hostname", "h"), entry("syslog.appname", "a"), entry("user", "bob"), entry("thread", "worker-1"),
                entry("logshield@32473.seq", "17"), entry("logshield@32473.origin", "9f2c41d07be3a856"),
                entry("origin.ip", "192.0.2.1"));
        assertThat(event.threadName()).isEqualTo("worker-1");
        assertThat(event.message()).isEqualTo("paid");
    }

    @Test
    void onlyTheMdcElementsThreadIsTheThreadName() throws MalformedEventException {
        assertThat(parse(HEAD + "[other@1 thread=\"t\"]").threadName()).isNull();
    }

    @Test
    void escapesAreUndoneAndOtherBackslashesKept() throws MalformedEventException {
        ParsedEvent event = parse(HEAD + "[mdc@32473 q=\"say \\\"hi\\\"\" b=\"a\\\\b\" r=\"x\\]y\" o=\"c:\\temp\" "
                + "u=\"grüße ] \uD83D\uDE00\" e=\"\" n=\"line1\nline2\"]");

        assertThat(event.fields()).contains(entry("q", "say \"hi\""), entry("b", "a\\b"), entry("r", "x]y"),
                entry("o", "c:\\temp"), entry("u", "grüße ] \uD83D\uDE00"), entry("e", ""),
                entry("n", "line1\nline2"));
    }

    @Test
    void aRepeatedParameterKeepsTheLastValue() throws MalformedEventException {
        assertThat(parse(HEAD + "[mdc@32473 k=\"1\" k=\"2\"]").fields()).containsEntry("k", "2");
    }

    @Test
    void syntaxErrorsAreUnparsable() {
        assertUnparsable(HEAD + "[a@1 x=\"1\"][a@1 y=\"2\"]", "SD-ID a@1 appears twice");
        assertUnparsable(HEAD + "[]", "expected SD-ID");
        assertUnparsable(HEAD + "[" + "s".repeat(33) + "]", "SD-ID is longer than 32");
        assertUnparsable(HEAD + "[a@1 " + "p".repeat(33) + "=\"1\"]", "PARAM-NAME is longer than 32");
        assertUnparsable(HEAD + "[a@1 x =\"1\"]", "'=' after PARAM-NAME");
        assertUnparsable(HEAD + "[a@1 x=1]", "'\"' starting PARAM-VALUE");
        assertUnparsable(HEAD + "[a@1 x=\"1]", "PARAM-VALUE is not closed");
        assertUnparsable(HEAD + "[a@1 x=\"1\\\"]", "PARAM-VALUE is not closed");
        assertUnparsable(HEAD + "[a@1 x=\"1\"", "ending the SD-ELEMENT");
        assertUnparsable(HEAD + "[a@1  x=\"1\"]", "expected PARAM-NAME");
    }

    @Test
    void aSpaceEndsStructuredData() throws MalformedEventException {
        ParsedEvent event = parse(HEAD + "[a@1 x=\"1\"] [b@1 y=\"2\"]");
        assertThat(event.message()).isEqualTo("[b@1 y=\"2\"]");
        assertThat(event.fields()).containsKey("a@1.x").doesNotContainKey("b@1.y");
    }

    @Test
    void atMost256FieldsIncludingTheHeaderOnes() throws MalformedEventException {
        StringBuilder sd = new StringBuilder("[mdc@32473");
        for (int i = 0; i < 252; i++) { // + facility, severity, hostname, appname = 256
            sd.append(" k").append(i).append("=\"v\"");
        }
        assertThat(parse(HEAD + sd + "]").fields()).hasSize(256);
        assertUnparsable(HEAD + sd + " k252=\"v\"]", "more than 256 fields");
    }

    private ParsedEvent parse(String text) throws MalformedEventException {
        return parser.parse(text.getBytes(UTF_8));
    }

    private void assertUnparsable(String text, String detail) {
        assertThatThrownBy(() -> parse(text)).as(text).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.UNPARSABLE_SYSLOG);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
