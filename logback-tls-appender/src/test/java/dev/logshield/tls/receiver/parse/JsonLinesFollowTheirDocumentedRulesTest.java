package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import dev.logshield.tls.receiver.frames.DropReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The JSON-lines rules: defaults for a missing message and logger, any-case levels and an unknown one kept as a
 * field at INFO, an unparsable timestamp kept as a field, scalars as text and containers as compact JSON, nulls
 * left out, the last duplicate winning; and the limits: one object per frame, depth 16 with the event object as
 * depth 1, 256 members, strict JSON only, each violation an invalid-json drop with a short printable detail.
 */
class JsonLinesFollowTheirDocumentedRulesTest {

    private final JsonLineParser parser = new JsonLineParser();

    @Test
    void missingMessageAndLoggerHaveDefaults() throws MalformedEventException {
        ParsedEvent event = parse("{}");
        assertThat(event.message()).isEmpty();
        assertThat(event.loggerName()).isEqualTo("json");
        assertThat(event.level()).isEqualTo(Level.INFO);
        assertThat(event.timestamp()).isNull();
        assertThat(event.threadName()).isNull();
        assertThat(event.fields()).isEmpty();
        assertThat(parse("{\"logger_name\":\"\"}").loggerName()).isEqualTo("json");
    }

    @Test
    void levelsInAnyCaseAndAnUnknownOneIsKept() throws MalformedEventException {
        assertThat(parse("{\"level\":\"warn\"}").level()).isEqualTo(Level.WARN);
        assertThat(parse("{\"level\":\"Trace\"}").level()).isEqualTo(Level.TRACE);
        ParsedEvent unknown = parse("{\"level\":\"FATAL\"}");
        assertThat(unknown.level()).isEqualTo(Level.INFO);
        assertThat(unknown.fields()).containsExactly(entry("level", "FATAL"));
        assertThat(parse("{\"level\":40000}").fields()).containsExactly(entry("level", "40000"));
    }

    @Test
    void timestampsWithAnOffsetAndAnUnparsableOneKept() throws MalformedEventException {
        assertThat(parse("{\"@timestamp\":\"2026-11-25T10:11:12.123456789Z\"}").timestamp())
                .isEqualTo(Instant.parse("2026-11-25T10:11:12.123456789Z"));
        assertThat(parse("{\"@timestamp\":\"2026-11-25T11:11:12+01:00\"}").timestamp())
                .isEqualTo(Instant.parse("2026-11-25T10:11:12Z"));
        ParsedEvent local = parse("{\"@timestamp\":\"2026-11-25 10:11:12\"}");
        assertThat(local.timestamp()).isNull();
        assertThat(local.fields()).containsExactly(entry("@timestamp", "2026-11-25 10:11:12"));
    }

    @Test
    void valuesBecomeTextAndContainersCompactJson() throws MalformedEventException {
        ParsedEvent event = parse("{ \"s\" : \"a\\u00e9\\n\\\"\" , \"i\": -12, \"f\": 1.50e+3, \"big\": "
                + "123456789012345678901234567890, \"t\": true, \"n\": null, \"o\": { \"a\" : [ 1, 2.0, \"x/y\", "
                + "null, false, {} ] }, \"e\": [] }");

        assertThat(event.fields()).containsExactly(entry("s", "aé\n\""), entry("i", "-12"), entry("f", "1.50e+3"),
                entry("big", "123456789012345678901234567890"), entry("t", "true"),
                entry("o", "{\"a\":[1,2.0,\"x/y\",null,false,{}]}"), entry("e", "[]"));
    }

    @Test
    void theLastDuplicateWins() throws MalformedEventException {
        ParsedEvent event = parse("{\"message\":\"first\",\"k\":\"1\",\"message\":\"second\",\"k\":\"2\"}");
        assertThat(event.message()).isEqualTo("second");
        assertThat(event.fields()).containsExactly(entry("k", "2"));
    }

    @Test
    void knownMembersOfAnotherTypeAreTakenAsText() throws MalformedEventException {
        ParsedEvent event = parse("{\"message\":{\"a\":1},\"thread_name\":7,\"stack_trace\":null,\"logger_name\":true}");
        assertThat(event.message()).isEqualTo("{\"a\":1}");
        assertThat(event.threadName()).isEqualTo("7");
        assertThat(event.stackTrace()).isNull();
        assertThat(event.loggerName()).isEqualTo("true");
    }

    @Test
    void aBomAndSurroundingWhitespaceAreAccepted() throws MalformedEventException {
        assertThat(parse("\uFEFF {\"message\":\"m\"}\r\n").message()).isEqualTo("m");
    }

    @Test
    void nestingUpTo16LevelsCountingTheEventObject() throws MalformedEventException {
        assertThat(parse("{\"d\":" + "[".repeat(15) + "]".repeat(15) + "}").fields().get("d"))
                .isEqualTo("[".repeat(15) + "]".repeat(15));
        assertInvalid("{\"d\":" + "[".repeat(16) + "]".repeat(16) + "}", "nesting depth");
        assertInvalid("{\"d\":" + "{\"a\":".repeat(16) + "1" + "}".repeat(16) + "}", "nesting depth");
    }

    @Test
    void atMost256Members() throws MalformedEventException {
        StringBuilder json = new StringBuilder("{\"@version\":\"1\"");
        for (int i = 1; i < 256; i++) {
            json.append(",\"k").append(i).append("\":").append(i);
        }
        assertThat(parse(json + "}").fields()).hasSize(255);
        assertInvalid(json + ",\"one-too-many\":0}", "more than 256 members");
    }

    @Test
    void onlyOneStrictJsonObjectPerFrame() {
        assertInvalid("[1,2]", "not a JSON object");
        assertInvalid("\"text\"", "not a JSON object");
        assertInvalid("", "not a JSON object");
        assertInvalid("{\"a\":1}{\"b\":2}", "content after the JSON object");
        assertInvalid("{\"a\":1} x", "");
        assertInvalid("{\"a\":1", "");
        assertInvalid("{'a':1}", "");
        assertInvalid("{\"a\":1,}", "");
        assertInvalid("{\"a\":NaN}", "");
        assertInvalid("{\"a\":01}", "");
        assertInvalid("{/*c*/\"a\":1}", "");
        assertInvalid("{\"a\":\"tab\there\"}", "");
    }

    @Test
    void detailsAreShortAndPrintable() {
        assertThatThrownBy(() -> parse("{\"a\":tru\u001b[31m" + "e".repeat(5000) + "}"))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON);
                    assertThat(e.getMessage()).hasSizeLessThan(200).matches("[\\x20-\\x7e]*")
                            .contains("at character");
                });
    }

    @Test
    void invalidUtf8IsItsOwnReason() {
        byte[] json = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThatThrownBy(() -> parser.parse(json)).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.INVALID_UTF8);
            assertThat(e.getMessage()).contains("byte offset 6");
        });
    }

    private ParsedEvent parse(String json) throws MalformedEventException {
        return parser.parse(json.getBytes(UTF_8));
    }

    private void assertInvalid(String json, String detail) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON);
            assertThat(e.getMessage()).startsWith("invalid-json: ").contains(detail);
        });
    }
}
