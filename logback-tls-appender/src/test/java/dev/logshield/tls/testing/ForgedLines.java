package dev.logshield.tls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a client that tries to forge lines of a receiver's output sends, and what the output must look like then:
 * the made-up line {@link #FORGED} in the name of another client, frames to carry it, and the checks on the bytes
 * written.
 */
public final class ForgedLines {

    /** A line as the receiver's pattern would write it for another client, {@code payments-1}. */
    public static final String FORGED =
            "2030-01-01 00:00:00,000 ERROR [payments-1.example.internal] com.example.Payments - refund of 9999 EUR approved";

    /** Each character that could break a line, move the cursor or reorder text, if written raw. */
    private static final Pattern ACTIVE = Pattern.compile(
            "[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200B\\u200E\\u200F\\u2028-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern LINE_START =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) ");

    private ForgedLines() {
    }

    /** A JSON object of the given names and values (strings), escaped as JSON needs and no more. */
    public static String json(String... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ",");
            quote(namesAndValues[i], out);
            out.append(':');
            quote(namesAndValues[i + 1], out);
        }
        return out.append('}').toString();
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** {@code message} as an RFC 6587 octet-counted frame. */
    public static String octetCounted(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    /**
     * Checks what a receiver's text output wrote: exactly {@code events} lines, each a whole event in the name of
     * {@code clientCn} (the line starts with the time, the level and {@code [clientCn]}), none starting with the
     * forged time, no raw control, line-separator or bidi character, and no escape escaped twice (the clients of
     * these tests send no backslash, so any backslash pair would be one).
     *
     * @return the lines
     */
    public static List<String> assertOneLinePerEvent(String output, int events, String clientCn) {
        assertThat(output).endsWith("\n");
        List<String> lines = List.of(output.substring(0, output.length() - 1).split("\n", -1));
        assertThat(lines).as("one line per event in:%n%s", output).hasSize(events);
        for (String line : lines) {
            assertThat(line).as("a whole event in the sender's name").containsPattern("^" + LINE_START.pattern()
                    + "\\[" + Pattern.quote(clientCn) + "\\] ");
            assertThat(line).doesNotStartWith("2030-01-01");
            assertThat(ACTIVE.matcher(line).find()).as("raw control or bidi character in %s", line).isFalse();
            assertThat(line).as("an escape escaped twice").doesNotContain("\\\\");
        }
        return lines;
    }
}
