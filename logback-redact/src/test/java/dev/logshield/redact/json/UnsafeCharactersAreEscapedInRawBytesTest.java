package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Bidi controls, C1 controls and DEL, U+2028/U+2029, zero-width space, BOM and lone surrogates (and, as always
 * in JSON, C0 controls, quote and backslash) never reach the
 * bytes raw: in values and in names, from the message, MDC, key-values and raw JSON, each is written as a
 * {@code \}{@code uXXXX} escape (not a double-escaped backslash), so the JSON parses back to the original text and
 * every event stays on one line. A user's own character escapes are kept.
 */
class UnsafeCharactersAreEscapedInRawBytesTest {

    /** Every unsafe character, each on its own (surrogates are tested separately: they cannot be paired here). */
    private static final String UNSAFE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
            + "\u0080\u0085\u009b\u009f\u007f\u2028\u2029\u200b\ufeff";
    private static final String LONE_SURROGATES = "x\ud800y\udfffz\ud83d";

    @TempDir
    Path dir;
    private JsonLogback logback;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("UnsafeCharactersAreEscapedInRawBytesTest", dir);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void unsafeCharactersAreEscapesInTheBytesAndRoundTrip() {
        String text = "a" + UNSAFE + "b" + LONE_SURROGATES + " c0:\u0000\u0001\u001b[31m\r\n\t\"\\";
        MDC.put("key\u202e", "value\u2066" + LONE_SURROGATES);
        logback.logger("x").atInfo().addKeyValue("kv\u200b", "\u2028line")
                .addMarker(Markers.appendRaw("raw", "{\"name\\u202e\":\"\\u2029\\ud800\"}"))
                .log(text);

        byte[] bytes = logback.bytes("out.log");
        String written = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (char c : UNSAFE.toCharArray()) {
            byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            assertThat(containsBytes(bytes, utf8)).as("raw U+%04X in the bytes", (int) c).isFalse();
            assertThat(written).as("escape of U+%04X", (int) c).contains(String.format("\\u%04x", (int) c));
        }
        for (String escape : new String[] {"\\ud800", "\\udfff", "\\ud83d"}) {
            assertThat(written).contains(escape);
        }
        assertThat(written).doesNotContain("\\\\u").doesNotContain("?");
        for (int i = 0; i < bytes.length - 1; i++) {
            assertThat(bytes[i] == '\n' || bytes[i] == '\r').as("line break inside the event at byte %d", i).isFalse();
            int b = bytes[i] & 0xFF;
            assertThat(b == 0xED && (bytes[i + 1] & 0xE0) == 0xA0).as("encoded surrogate at byte %d", i).isFalse();
        }

        JsonNode e = logback.event("out.log");
        assertThat(e.get("message").stringValue()).isEqualTo(text);
        assertThat(e.get("key\u202e").stringValue()).isEqualTo("value\u2066" + LONE_SURROGATES);
        assertThat(e.get("kv\u200b").stringValue()).isEqualTo("\u2028line");
        assertThat(e.get("raw").get("name\u202e").stringValue()).isEqualTo("\u2029\ud800");
    }

    @Test
    void aValidSurrogatePairRoundTrips() {
        logback.logger("x").info("emoji \ud83d\ude00 ok");
        assertThat(logback.event("out.log").get("message").stringValue()).isEqualTo("emoji \ud83d\ude00 ok");
    }

    @Test
    void customCharacterEscapesAreKeptAlongside() {
        MDC.put("path", "/a/b\u202e");
        logback.logger("x").info("go /home\u0085");
        String written = logback.written("custom.log");
        assertThat(written).contains("go \\/home\\u0085").contains("\\/a\\/b\\u202e");
        JsonNode e = logback.event("custom.log");
        assertThat(e.get("message").stringValue()).isEqualTo("go /home\u0085");
    }
}
