package dev.logshield.redact.detect;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;
import java.util.Objects;

/**
 * Detects the values of sensitive keys in the ways logs write key/value pairs: {@code key=value} (logfmt,
 * query strings, {@code toString()}s), {@code key = value}, {@code key: value}, {@code key => value},
 * {@code key := value}, JSON <code>"key": "value"</code> (also numbers) and single-quoted values. A key is the
 * run of {@code [A-Za-z0-9_.-]} right before the separator, or a quoted string; a {@link SensitiveKeyMatcher}
 * decides whether it is sensitive. Only the value is reported: {@code password=[REDACTED:secret]}.
 *
 * <p>Values:
 * <ul>
 *   <li>quoted values run to the closing quote (backslash escapes and JSON escaped inside a JSON string,
 *       <code>\"key\":\"value\"</code>, are understood); an unclosed quote runs to the end of the line;</li>
 *   <li>unquoted values end at a blank, a control character or one of <code>; " &lt;</code>. Secrets hold the
 *       other punctuation too, so <code>&amp;</code> ends a value only before the next pair
 *       ({@code a=1&password=x&b=2}, also {@code &amp;b=}), and a run of <code>, ) ] } '</code> only before a blank,
 *       the end of the text, <code>; " &lt; ( [ {</code> or the next pair ({@code User(password=x, name=bob)},
 *       <code>{password=x}</code>, {@code [pwd=x][user=y]}, {@code pwd=x,user=y}): in
 *       <code>password=&amp;mOO8#x~]}),'Zq9</code> it is all the value. A value that is an auth scheme
 *       ({@code Bearer}, {@code Basic}, {@code Token}) extends over the credential after it;
 *       cookie values ({@code Cookie}, {@code Set-Cookie}) continue past {@code ; };</li>
 *   <li>an HTTP-header-like key ({@code X-Api-Key}, {@code Cookie}, {@code Authorization}) at the start of a
 *       line followed by {@code :} takes the rest of the line;</li>
 *   <li>a flat array (<code>"tokens": ["a", "b"]</code>) is reported between its brackets;</li>
 *   <li>empty values, nested objects and arrays of objects (their own keys are scanned) and the bare
 *       literals {@code null}, {@code true} and {@code false} are not reported.</li>
 * </ul>
 * {@code ==}, {@code !=}, {@code <=}, {@code >=}, the match operator {@code =~} ({@code x =~ /re/}, but
 * {@code client_secret=~Q8...} is a value starting with {@code ~}), {@code ::} and {@code ://} are not separators,
 * and neither a Java class name before {@code :} (a logger name such as {@code c.e.auth.TokenService :}) nor
 * a stack frame's {@code TokenService.java:42} is a key.
 *
 * <p>Selected in the redaction configuration by its {@link #NAME}; the sensitive words are those of the
 * configured {@link SensitiveKeyMatcher}.
 */
public final class SecretKeyValueDetector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().chars("=:").build();

    /** Configuration name and mask label. */
    public static final String NAME = "secret";

    static final int MAX_KEY = 128;
    static final int MAX_BLANKS = 16;
    private static final String[] SOURCE_EXTENSIONS = {".java", ".kt", ".scala", ".groovy", ".clj"};

    private final SensitiveKeyMatcher keys;

    /** A detector for the built-in sensitive words ({@link SensitiveKeyMatcher#defaults()}). */
    public SecretKeyValueDetector() {
        this(SensitiveKeyMatcher.defaults());
    }

    public SecretKeyValueDetector(SensitiveKeyMatcher keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triggers triggers() {
        return TRIGGERS;
    }

    @Override
    public int validate(CharSequence text, int at, Findings out) {
        int valueFrom = separatorEnd(text, at);
        return valueFrom < 0 ? at : pair(text, at, valueFrom, out);
    }

    /** Index just past the separator at {@code i}, or -1 when {@code text[i]} is not a separator. */
    private static int separatorEnd(CharSequence text, int i) {
        final int n = text.length();
        char prev = i > 0 ? text.charAt(i - 1) : 0;
        char next = i + 1 < n ? text.charAt(i + 1) : 0;
        if (text.charAt(i) == '=') {
            if (prev == '=' || prev == '!' || prev == '<' || prev == '>' || prev == ':' || next == '='
                    || (next == '~' && isMatchOperator(text, i))) {
                return -1;
            }
            return next == '>' ? i + 2 : i + 1;
        }
        if (prev == ':' || next == ':' || (next == '/' && i + 2 < n && text.charAt(i + 2) == '/')) {
            return -1;
        }
        return next == '=' ? i + 2 : i + 1;
    }

    /**
     * True when the {@code =~} at {@code eq} is the regex-match operator of Perl, Ruby or Bash
     * ({@code x =~ /re/}, {@code $x=~m{re}}): written after a blank, or followed by a blank, the end of the text,
     * or a regex literal. Otherwise it is a separator and the value starts with {@code ~}, as Azure client
     * secrets may ({@code client_secret=~Q8...}).
     */
    private static boolean isMatchOperator(CharSequence text, int eq) {
        if (AsciiChars.isSpaceOrControl(AsciiChars.at(text, eq - 1))) {
            return true;
        }
        char operand = AsciiChars.at(text, eq + 2);
        if (AsciiChars.isSpaceOrControl(operand) || operand == '/') { // at(...) is NUL past the end
            return true;
        }
        return (operand == 'm' || operand == 's') && "/{|#!(".indexOf(AsciiChars.at(text, eq + 3)) >= 0;
    }

    /** Handles the separator at {@code sep}; returns where scanning resumes. */
    private int pair(CharSequence text, int sep, int valueFrom, Findings out) {
        int k = skipBlanksBack(text, sep - 1);
        if (k < 0) {
            return valueFrom;
        }
        int keyStart;
        int keyEnd;
        boolean quotedKey = text.charAt(k) == '"' || text.charAt(k) == '\'';
        if (quotedKey) {
            keyEnd = k > 0 && text.charAt(k - 1) == '\\' ? k - 1 : k; // \"key\" inside a JSON string
            keyStart = openingQuote(text, text.charAt(k), keyEnd - 1) + 1;
        } else {
            keyEnd = k + 1;
            if (!keys.mayOccurBefore(text, keyEnd)) {
                return valueFrom; // the usual answer, found without reading the key twice
            }
            keyStart = keyEnd;
            while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && isKeyChar(text.charAt(keyStart - 1))) {
                keyStart--;
            }
        }
        if (keyStart >= keyEnd || !keys.matches(text, keyStart, keyEnd)) {
            return valueFrom;
        }
        boolean colon = text.charAt(sep) == ':';
        if (colon && !quotedKey && (isQualifiedClassName(text, keyStart, keyEnd) || isSourceFile(text, keyStart, keyEnd))) {
            return valueFrom;
        }
        boolean headerLine = colon && !quotedKey && isHeaderName(text, keyStart, keyEnd) && atLineStart(text, keyStart);
        boolean cookie = AsciiChars.containsIgnoreCase(text, keyStart, keyEnd, "cookie");
        return SecretValueScanner.scan(text, valueFrom, headerLine, cookie, out);
    }

    /** Index of the quote opening a key that ends at {@code from}, or {@code from + 1} (an empty key) if none. */
    private static int openingQuote(CharSequence text, char quote, int from) {
        int limit = Math.max(-1, from - MAX_KEY);
        for (int i = from; i > limit; i--) {
            char c = text.charAt(i);
            if (c == quote) {
                return i;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
        }
        return from + 1; // not found: keyStart = from + 2 > keyEnd, an empty key
    }

    private static boolean isKeyChar(char c) {
        return AsciiChars.isWord(c) || c == '.';
    }

    /** {@code com.example.TokenService}: a logger or class name in a log line, not a key. */
    private static boolean isQualifiedClassName(CharSequence text, int start, int end) {
        int lastDot = -1;
        for (int i = end - 1; i >= start; i--) {
            if (text.charAt(i) == '.') {
                lastDot = i;
                break;
            }
        }
        if (lastDot < 0 || lastDot + 1 >= end || !AsciiChars.isUpper(text.charAt(lastDot + 1))) {
            return false;
        }
        for (int i = lastDot + 2; i < end; i++) {
            if (AsciiChars.isLower(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code TokenService.java}: a stack frame's file name before {@code :line}, not a key. */
    private static boolean isSourceFile(CharSequence text, int start, int end) {
        for (String ext : SOURCE_EXTENSIONS) {
            int at = end - ext.length();
            if (at > start && AsciiChars.startsWith(text, at, ext)) {
                return true;
            }
        }
        return false;
    }

    /** {@code [A-Za-z][A-Za-z0-9-]*}: how HTTP header names are written. */
    private static boolean isHeaderName(CharSequence text, int start, int end) {
        if (!AsciiChars.isLetter(text.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (!AsciiChars.isAlnum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean atLineStart(CharSequence text, int start) {
        int k = skipBlanksBack(text, start - 1);
        return k < 0 || text.charAt(k) == '\n' || text.charAt(k) == '\r';
    }

    static int skipBlanksBack(CharSequence text, int from) {
        int k = from;
        int limit = Math.max(-1, from - MAX_BLANKS);
        while (k > limit && AsciiChars.isBlank(text.charAt(k))) {
            k--;
        }
        return k;
    }
}
