package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.receiver.frames.DropReason;

/**
 * A position in a decoded payload, with the error every syntax mistake becomes: the drop reason, what was
 * expected, where, and a short printable excerpt of the text from there.
 */
final class Cursor {

    static final int END = -1;
    private static final int EXCERPT = 24;

    final String text;
    final DropReason reason;
    int pos;

    Cursor(String text, DropReason reason) {
        this.text = text;
        this.reason = reason;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The current character, or {@link #END}. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : END;
    }

    void expect(char c, String what) throws MalformedEventException {
        if (peek() != c) {
            throw error("expected " + what);
        }
        pos++;
    }

    /**
     * A header token: 1 to {@code max} printable US-ASCII characters (33-126) up to the next SP or the end.
     */
    String token(int max, String what) throws MalformedEventException {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ' ') {
            char c = text.charAt(pos);
            if (c < 33 || c > 126) {
                throw error(what + " must be printable US-ASCII");
            }
            if (pos - start == max) {
                throw error(what + " is longer than " + max + " characters");
            }
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    MalformedEventException error(String what) {
        return new MalformedEventException(reason, what + " at character " + pos + excerpt());
    }

    private String excerpt() {
        if (atEnd()) {
            return " (end of payload)";
        }
        StringBuilder sb = new StringBuilder(" near '");
        int end = Math.min(text.length(), pos + EXCERPT);
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.append(end < text.length() ? "...'" : "'").toString();
    }
}
