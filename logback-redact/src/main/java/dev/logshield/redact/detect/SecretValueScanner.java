package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Findings;

/**
 * Finds where the value after a sensitive key ends, for {@link SecretKeyValueDetector}, and reports it:
 * quoted, escaped-quoted, unquoted, cookie and header-line values. Stateless; allocation-free.
 */
final class SecretValueScanner {

    private static final String[] AUTH_SCHEMES = {"bearer", "basic", "token"};
    private static final int MAX_BLANKS = SecretKeyValueDetector.MAX_BLANKS;
    private static final int MAX_KEY = SecretKeyValueDetector.MAX_KEY;

    private SecretValueScanner() {
    }

    /** Reports the value starting at or after {@code from}; returns where scanning resumes. */
    static int scan(CharSequence text, int from, boolean headerLine, boolean cookie, Findings out) {
        final int n = text.length();
        int v = from;
        while (v < n && AsciiChars.isBlank(text.charAt(v))) {
            v++;
        }
        if (v >= n) {
            return v;
        }
        char c = text.charAt(v);
        if (c == '"' || c == '\'') {
            return quoted(text, v + 1, c, false, out);
        }
        if (c == '\\' && v + 1 < n && text.charAt(v + 1) == '"') {
            return quoted(text, v + 2, '"', true, out);
        }
        if (c == '[') {
            return array(text, v, out);
        }
        if (c == '{') {
            return v; // nested object: its own keys are scanned
        }
        int end;
        if (headerLine) {
            end = trimBlanks(text, v, lineEnd(text, v));
        } else {
            end = unquotedEnd(text, v, cookie);
            end = extendOverCredential(text, v, end, cookie);
        }
        if (end > v && !isLiteral(text, v, end)) {
            out.add(v, end);
        }
        return end;
    }

    /** {@code null}, {@code true}, {@code false}: JSON and Java literals that tell nothing secret. */
    private static boolean isLiteral(CharSequence text, int start, int end) {
        return AsciiChars.equalsIgnoreCase(text, start, end, "null") || AsciiChars.equalsIgnoreCase(text, start, end, "true")
                || AsciiChars.equalsIgnoreCase(text, start, end, "false");
    }

    /**
     * A flat array ({@code ["a","b"]}, {@code [a, b]}) is reported between its brackets; an array holding
     * objects or arrays, or unclosed on its line, is left to the scan of its own keys.
     */
    private static int array(CharSequence text, int open, Findings out) {
        final int n = text.length();
        for (int i = open + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == ']') {
                int start = open + 1;
                while (start < i && AsciiChars.isSpaceOrControl(text.charAt(start))) {
                    start++;
                }
                int end = trimBlanks(text, start, i);
                if (end > start) {
                    out.add(start, end);
                }
                return i;
            }
            if (c == '[' || c == '{' || c == '\n' || c == '\r') {
                return open + 1;
            }
        }
        return open + 1;
    }

    /**
     * A quoted value from {@code start}: to the closing quote, skipping backslash escapes, or to the end
     * of the line when unclosed. With {@code escapedQuotes} the value sits in JSON escaped inside a JSON
     * string and closes at {@code \"}.
     */
    private static int quoted(CharSequence text, int start, char quote, boolean escapedQuotes, Findings out) {
        final int n = text.length();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (escapedQuotes && c == '\\' && i + 1 < n && text.charAt(i + 1) == quote
                    && (i == start || text.charAt(i - 1) != '\\')) {
                break;
            }
            if (c == quote) {
                break;
            }
            i += c == '\\' ? 2 : 1;
        }
        int end = Math.min(i, n);
        boolean closed = end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r';
        int valueEnd = closed ? end : trimBlanks(text, start, end);
        if (valueEnd > start) {
            out.add(start, valueEnd);
        }
        return end;
    }

    /**
     * End of an unquoted value from {@code from}. Blanks, controls and <code>; " &lt;</code> end it; the other
     * punctuation a secret may hold ends it only where the text goes on like the next pair or the end of an
     * enclosing structure ({@link SecretKeyValueDetector} lists the cases). Each character is read at most
     * three times.
     */
    private static int unquotedEnd(CharSequence text, int from, boolean cookie) {
        final int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (cookie && c == ';') { // "a=b; c=d": the next cookie belongs to the same value
                int k = i + 1;
                while (k < n && AsciiChars.isBlank(text.charAt(k))) {
                    k++;
                }
                if (k < n && AsciiChars.isWord(text.charAt(k))) {
                    i = k;
                    continue;
                }
                break;
            }
            if (AsciiChars.isSpaceOrControl(c) || c == ';' || c == '"' || c == '<') {
                break;
            }
            if (c == '&') {
                if (pairFollows(text, i + 1) || (AsciiChars.startsWith(text, i + 1, "amp;") && pairFollows(text, i + 5))) {
                    break;
                }
                i++;
                continue;
            }
            if (isCloser(c)) {
                int k = i + 1;
                while (k < n && isCloser(text.charAt(k))) {
                    k++;
                }
                if (endsAfterClosers(text, k)) {
                    break;
                }
                i = k; // the whole run is part of the value: "x~]}),'Zq9"
                continue;
            }
            i++;
        }
        return i;
    }

    /** Characters that close a value in a {@code toString()}, a list or a quoted shell word. */
    private static boolean isCloser(char c) {
        return c == ',' || c == ')' || c == ']' || c == '}' || c == '\'';
    }

    /** After a run of closers ending at {@code k}: what shows that the run closed the value. */
    private static boolean endsAfterClosers(CharSequence text, int k) {
        if (k >= text.length()) {
            return true;
        }
        char c = text.charAt(k);
        return AsciiChars.isSpaceOrControl(c) || ";\"<([{".indexOf(c) >= 0
                || (c == '&' && pairFollows(text, k + 1)) || pairFollows(text, k);
    }

    /**
     * True when {@code text} at {@code at} holds a key ({@code [A-Za-z0-9_.%-]}, at most {@value #MAX_KEY}
     * characters) and {@code =}: the next pair of a query string or a list.
     */
    private static boolean pairFollows(CharSequence text, int at) {
        final int limit = Math.min(text.length(), at + MAX_KEY + 1);
        int k = at;
        while (k < limit) {
            char c = text.charAt(k);
            if (AsciiChars.isWord(c) || c == '.' || c == '%') {
                k++;
            } else {
                return c == '=' && k > at;
            }
        }
        return false;
    }

    /** {@code Bearer abc}: when the value is an auth scheme, the credential after it is part of it. */
    private static int extendOverCredential(CharSequence text, int start, int end, boolean cookie) {
        boolean scheme = false;
        for (String s : AUTH_SCHEMES) {
            scheme |= AsciiChars.equalsIgnoreCase(text, start, end, s);
        }
        if (!scheme) {
            return end;
        }
        int k = end;
        while (k < text.length() && k - end < MAX_BLANKS && AsciiChars.isBlank(text.charAt(k))) {
            k++;
        }
        int credentialEnd = k > end ? unquotedEnd(text, k, cookie) : k;
        return credentialEnd > k ? credentialEnd : end;
    }

    private static int lineEnd(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int trimBlanks(CharSequence text, int start, int end) {
        int e = end;
        while (e > start && AsciiChars.isSpaceOrControl(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
