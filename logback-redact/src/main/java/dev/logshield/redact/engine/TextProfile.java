package dev.logshield.redact.engine;

/**
 * The single cheap pass over a text that tells which detectors can possibly match it.
 *
 * <p>The result is packed into one {@code long} so that computing it allocates nothing: the low 32 bits
 * hold character-class flags, bits 32-47 the number of ASCII digits (capped), bits 48-63 the length of
 * the longest run of word characters {@code [A-Za-z0-9_-]} (capped). Detectors read it through the static
 * accessors and skip the text entirely when what they need is absent.
 */
public final class TextProfile {

    public static final int DIGIT = 1;
    public static final int AT = 1 << 1;
    public static final int COLON = 1 << 2;
    public static final int EQUALS = 1 << 3;
    public static final int DOT = 1 << 4;
    public static final int DOUBLE_QUOTE = 1 << 5;
    public static final int DASH = 1 << 6;
    public static final int UNDERSCORE = 1 << 7;
    public static final int SLASH = 1 << 8;
    public static final int UPPER = 1 << 9;
    public static final int LOWER = 1 << 10;
    public static final int WHITESPACE = 1 << 11;
    public static final int PLUS = 1 << 12;
    public static final int SINGLE_QUOTE = 1 << 13;
    /** Any character outside ASCII. */
    public static final int NON_ASCII = 1 << 14;
    /** An ASCII control character (C0 or DEL). */
    public static final int CONTROL = 1 << 15;

    // Word-start flags: set when a run of [A-Za-z0-9_-] begins with these characters. They let the
    // prefix-anchored detectors (tokens with a published prefix, auth schemes, IBANs) skip a text outright.
    /** A word starts with {@code ey} (a base64url JSON object: JWT). */
    public static final int START_EY = 1 << 16;
    /** A word starts with {@code AK}, {@code AS}, {@code AB} or {@code AC} (AWS key ids). */
    public static final int START_AWS = 1 << 17;
    /** A word starts with {@code gh} or {@code gi} (GitHub tokens: {@code ghp_}, {@code github_pat_}). */
    public static final int START_GH = 1 << 18;
    /** A word starts with {@code xo} (Slack tokens). */
    public static final int START_XO = 1 << 19;
    /** A word starts with {@code sk}, {@code rk} or {@code pk} (Stripe, OpenAI keys). */
    public static final int START_SK = 1 << 20;
    /** A word starts with {@code AI} (Google API keys). */
    public static final int START_AI = 1 << 21;
    /** A word starts with {@code to} or {@code ap} (generic {@code tok-}/{@code api_} tokens). */
    public static final int START_TOK = 1 << 22;
    /** A word starts with {@code be} or {@code ba} in any case (Bearer/Basic auth schemes). */
    public static final int START_AUTH_SCHEME = 1 << 23;
    /** A word starts with two capitals and two digits (an IBAN's country and check digits). */
    public static final int START_IBAN = 1 << 24;

    private static final int CAP = 0xFFFF;
    private static final int WORD = 1 << 30; // table-only marker: character belongs to a word run
    private static final int[] ASCII_CLASS = new int[128];

    static {
        for (char c = '0'; c <= '9'; c++) ASCII_CLASS[c] = DIGIT | WORD;
        for (char c = 'A'; c <= 'Z'; c++) ASCII_CLASS[c] = UPPER | WORD;
        for (char c = 'a'; c <= 'z'; c++) ASCII_CLASS[c] = LOWER | WORD;
        ASCII_CLASS['_'] = UNDERSCORE | WORD;
        ASCII_CLASS['-'] = DASH | WORD;
        ASCII_CLASS['@'] = AT;
        ASCII_CLASS[':'] = COLON;
        ASCII_CLASS['='] = EQUALS;
        ASCII_CLASS['.'] = DOT;
        ASCII_CLASS['"'] = DOUBLE_QUOTE;
        ASCII_CLASS['\''] = SINGLE_QUOTE;
        ASCII_CLASS['/'] = SLASH;
        ASCII_CLASS['+'] = PLUS;
        ASCII_CLASS[' '] = WHITESPACE;
        for (int c = 0; c < 32; c++) ASCII_CLASS[c] = CONTROL;
        ASCII_CLASS['\t'] = CONTROL | WHITESPACE;
        ASCII_CLASS['\n'] = CONTROL | WHITESPACE;
        ASCII_CLASS['\r'] = CONTROL | WHITESPACE;
        ASCII_CLASS[127] = CONTROL;
    }

    private TextProfile() {
    }

    /** Profiles {@code text} in one pass, without allocating. */
    public static long of(CharSequence text) {
        int flags = 0;
        int digits = 0;
        int run = 0;
        int longest = 0;
        final int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                int cls = ASCII_CLASS[c];
                flags |= cls;
                if ((cls & DIGIT) != 0) {
                    digits++;
                }
                if ((cls & WORD) != 0) {
                    if (run == 0) {
                        flags |= wordStart(text, i, c);
                    } else if ((cls & UPPER) != 0) {
                        char prev = text.charAt(i - 1);
                        if (prev == '_' || prev == '-') { // IBANs only need a non-alphanumeric before them
                            flags |= ibanStart(text, i);
                        }
                    }
                    run++;
                    continue;
                }
            } else {
                flags |= NON_ASCII;
            }
            if (run > longest) {
                longest = run;
            }
            run = 0;
        }
        if (run > longest) {
            longest = run;
        }
        return pack(flags & ~WORD, digits, longest);
    }

    private static int wordStart(CharSequence text, int i, char c1) {
        final int n = text.length();
        if (i + 1 >= n) {
            return 0;
        }
        char c2 = text.charAt(i + 1);
        switch (c1) {
            case 'e':
                return c2 == 'y' ? START_EY : 0;
            case 'g':
                return c2 == 'h' || c2 == 'i' ? START_GH : 0; // ghp_..., github_pat_...
            case 'x':
                return c2 == 'o' ? START_XO : 0;
            case 's': case 'r': case 'p':
                return c2 == 'k' ? START_SK : 0;
            case 't':
                return c2 == 'o' ? START_TOK : 0;
            case 'a':
                return c2 == 'p' ? START_TOK : 0;
            case 'b': case 'B':
                return c2 == 'e' || c2 == 'E' || c2 == 'a' || c2 == 'A' ? START_AUTH_SCHEME : 0;
            default:
                break;
        }
        if (c1 < 'A' || c1 > 'Z' || c2 < 'A' || c2 > 'Z') {
            return 0;
        }
        int f = ibanStart(text, i);
        if (c1 == 'A') {
            f |= c2 == 'K' || c2 == 'S' || c2 == 'B' || c2 == 'C' ? START_AWS : c2 == 'I' ? START_AI : 0;
        }
        return f;
    }

    /** {@link #START_IBAN} when {@code text[i..i+4)} is two capitals and two digits. */
    private static int ibanStart(CharSequence text, int i) {
        if (i + 3 >= text.length()) {
            return 0;
        }
        char c2 = text.charAt(i + 1);
        char c3 = text.charAt(i + 2);
        char c4 = text.charAt(i + 3);
        return c2 >= 'A' && c2 <= 'Z' && c3 >= '0' && c3 <= '9' && c4 >= '0' && c4 <= '9' ? START_IBAN : 0;
    }

    static long pack(int flags, int digits, int longestWord) {
        return (flags & 0xFFFFFFFFL) | ((long) Math.min(digits, CAP) << 32) | ((long) Math.min(longestWord, CAP) << 48);
    }

    /** True when every flag in {@code required} is present. */
    public static boolean hasAll(long profile, int required) {
        return ((int) profile & required) == required;
    }

    /** True when at least one flag in {@code anyOf} is present. */
    public static boolean hasAny(long profile, int anyOf) {
        return ((int) profile & anyOf) != 0;
    }

    /** Number of ASCII digits in the text (capped at 65535). */
    public static int digitCount(long profile) {
        return (int) ((profile >>> 32) & CAP);
    }

    /** Length of the longest run of {@code [A-Za-z0-9_-]} (capped at 65535). */
    public static int longestWord(long profile) {
        return (int) ((profile >>> 48) & CAP);
    }
}
