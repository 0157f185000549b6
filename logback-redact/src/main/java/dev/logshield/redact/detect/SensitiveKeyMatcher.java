package dev.logshield.redact.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a key or field name names a secret, the way people actually write keys: case-insensitively,
 * across {@code -}/{@code _}/{@code .}/camelCase spellings, and as part of a longer key. {@code password},
 * {@code dbPassword}, {@code X-Api-Key}, {@code aws_secret_access_key} and {@code client-secret} all match.
 *
 * <p>Matching skips separators, so {@code api_key}, {@code api-key} and {@code apiKey} are one word. Long words
 * (six letters or more, e.g. {@code password}, {@code secret}) match anywhere in the key; short ones
 * ({@code pwd}, {@code token}, {@code auth}, {@code sig}) must end at a word boundary, so {@code max_tokens},
 * {@code author} and {@code signal} do not match while {@code authToken}, {@code db_pwd} and {@code sig} (the
 * signature of an Azure SAS token or a webhook) do. Allocation-free; immutable.
 */
public final class SensitiveKeyMatcher {

    /** Label used for values masked because of their key. */
    public static final String LABEL = "secret";

    /** Built-in sensitive words (written without separators, lower case). */
    public static final List<String> DEFAULT_WORDS = List.of(
            "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "accesskey", "privatekey",
            "authorization", "auth", "credential", "cookie", "session", "jwt", "bearer", "signature", "sig");

    private static final int LONG_WORD = 6;
    private static final int MAX_KEY_LENGTH = 128;

    private final char[][] words;
    /** Bit {@code c} set when some word starts with ASCII character {@code c}: most key characters skip at once. */
    private final long firstCharsLow;
    private final long firstCharsHigh;

    private SensitiveKeyMatcher(Collection<String> words) {
        this.words = words.stream().map(w -> w.toCharArray()).toArray(char[][]::new);
        long low = 0;
        long high = 0;
        for (char[] w : this.words) {
            char c = w[0];
            if (c < 64) {
                low |= 1L << c;
            } else if (c < 128) {
                high |= 1L << (c - 64);
            } else {
                low = -1;
                high = -1; // a non-ASCII first letter: no shortcut
            }
        }
        this.firstCharsLow = low;
        this.firstCharsHigh = high;
    }

    private boolean mayStartWord(char lc) {
        if (lc < 64) {
            return (firstCharsLow >>> lc & 1) != 0;
        }
        return lc >= 128 || (firstCharsHigh >>> (lc - 64) & 1) != 0;
    }

    /** The built-in words. */
    public static SensitiveKeyMatcher defaults() {
        return of(DEFAULT_WORDS);
    }

    /**
     * A matcher for the given words; each is normalised (lower case, separators removed). Blank words are
     * ignored.
     */
    public static SensitiveKeyMatcher of(Collection<String> words) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String w : words) {
            String n = normalise(w);
            if (!n.isEmpty()) {
                normalised.add(n);
            }
        }
        return new SensitiveKeyMatcher(normalised);
    }

    /** A matcher for the built-in words plus {@code extra}. */
    public static SensitiveKeyMatcher withExtraWords(Collection<String> extra) {
        List<String> all = new ArrayList<>(DEFAULT_WORDS);
        all.addAll(extra);
        return of(all);
    }

    /** The normalised words this matcher looks for. */
    public List<String> words() {
        List<String> out = new ArrayList<>(words.length);
        for (char[] w : words) {
            out.add(new String(w));
        }
        return out;
    }

    static String normalise(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!isSeparator(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** True when the whole of {@code key} is a sensitive name. */
    public boolean matches(CharSequence key) {
        return key != null && matches(key, 0, key.length());
    }

    /** True when {@code text[start, end)}, read as a key name, is sensitive. */
    public boolean matches(CharSequence text, int start, int end) {
        if (end - start > MAX_KEY_LENGTH) {
            start = end - MAX_KEY_LENGTH; // the name part that matters sits right before the separator
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            char lc = lower(c);
            if (!mayStartWord(lc)) {
                continue;
            }
            for (char[] w : words) {
                if (w[0] == lc && matchesAt(text, i, end, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(CharSequence text, int from, int end, char[] word) {
        int i = from;
        int k = 0;
        char last = 0;
        while (k < word.length) {
            if (i >= end) {
                return false;
            }
            char c = text.charAt(i++);
            if (isSeparator(c)) {
                if (k == 0) {
                    return false;
                }
                continue;
            }
            if (lower(c) != word[k]) {
                return false;
            }
            last = c;
            k++;
        }
        if (word.length >= LONG_WORD) {
            return true;
        }
        // short word: must end at a boundary (end, separator, digit, lower->Upper camel hump)
        if (i >= end) {
            return true;
        }
        char next = text.charAt(i);
        return isSeparator(next) || !Character.isLetter(next)
                || (Character.isUpperCase(next) && !Character.isUpperCase(last));
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-' || c == '.' || c == ' ';
    }

    private static char lower(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }
}
