package dev.logshield.tls.receiver.parse;

import java.util.HashSet;
import java.util.Set;

/**
 * RFC 5424 §6.3 STRUCTURED-DATA, one or more {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]}, into event fields:
 * the parameters of the element {@code plainId} (our encoder's {@code mdc@32473}) under their own names, those of
 * any other element as {@code <SD-ID>.<PARAM-NAME>} ({@code logshield@32473.seq}, {@code origin.ip}).
 * <ul>
 * <li>SD-ID and PARAM-NAME: 1 to 32 printable US-ASCII characters except {@code =}, SP, {@code ]} and
 * {@code "}.</li>
 * <li>PARAM-VALUE: any UTF-8 between double quotes; {@code \"}, {@code \\} and {@code \]} stand for the
 * character, a backslash before any other character is kept as is (§6.3.3). An unescaped {@code ]} inside the
 * quotes, which senders must not write but which cannot be misread there, is accepted.</li>
 * <li>An SD-ID may appear only once per message (§6.3.2): a repeated one is an error. A PARAM-NAME may repeat
 * within its element; the last value is kept.</li>
 * </ul>
 */
final class StructuredDataParser {

    static final int MAX_NAME = 32;

    private StructuredDataParser() {
    }

    /** Reads the elements starting at the cursor (on a {@code [}) into {@code fields}. */
    static void parse(Cursor c, String plainId, EventFields fields) throws MalformedEventException {
        Set<String> ids = new HashSet<>();
        StringBuilder value = new StringBuilder();
        while (c.peek() == '[') {
            c.pos++;
            String id = name(c, "SD-ID");
            if (!ids.add(id)) {
                throw c.error("SD-ID " + id + " appears twice");
            }
            String prefix = id.equals(plainId) ? "" : id + ".";
            while (c.peek() == ' ') {
                c.pos++;
                String param = name(c, "PARAM-NAME");
                c.expect('=', "'=' after PARAM-NAME");
                c.expect('"', "'\"' starting PARAM-VALUE");
                value.setLength(0);
                readValue(c, value);
                fields.put(prefix + param, value.toString());
            }
            c.expect(']', "SP and PARAM-NAME, or ']' ending the SD-ELEMENT");
        }
    }

    private static String name(Cursor c, String what) throws MalformedEventException {
        int start = c.pos;
        while (isNameChar(c.peek())) {
            if (c.pos - start == MAX_NAME) {
                throw c.error(what + " is longer than " + MAX_NAME + " characters");
            }
            c.pos++;
        }
        if (c.pos == start) {
            throw c.error("expected " + what + " (printable US-ASCII except '=', SP, ']' and '\"')");
        }
        return c.text.substring(start, c.pos);
    }

    private static void readValue(Cursor c, StringBuilder value) throws MalformedEventException {
        String text = c.text;
        while (c.pos < text.length()) {
            char ch = text.charAt(c.pos++);
            if (ch == '"') {
                return;
            }
            if (ch == '\\' && c.pos < text.length()) {
                char next = text.charAt(c.pos);
                if (next == '"' || next == '\\' || next == ']') {
                    value.append(next);
                    c.pos++;
                    continue;
                }
            }
            value.append(ch);
        }
        throw c.error("PARAM-VALUE is not closed by '\"'");
    }

    private static boolean isNameChar(int c) {
        return c >= 33 && c <= 126 && c != '=' && c != ']' && c != '"';
    }
}
