package dev.logshield.redact.engine;

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
    private static final int TRIGRAM_BITS = 5;
    private static final int TRIGRAM_MASK = (1 << (3 * TRIGRAM_BITS)) - 1;
    /** {@link #code} of each lower-cased ASCII character; 0 for a separator. */
    private static final byte[] ASCII_CODES = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_CODES[c] = isSeparator(c) ? 0 : (byte) code(lower(c));
        }
    }

    private final char[][] words;
    /** Words by their ASCII first letter; words whose first letter is not ASCII are in {@link #otherFirst}. */
    private final char[][][] byFirst = new char[128][][];
    private final char[][] otherFirst;
    /** Bit {@link #trigram} set for the first three letters of every word. */
    private final long[] firstTrigrams = new long[1 << (3 * TRIGRAM_BITS - 6)];
    /** False when some word is shorter than three letters: the trigram check is then skipped. */
    private final boolean trigramCheck;

    private SensitiveKeyMatcher(Collection<String> words) {
        this.words = words.stream().map(w -> w.toCharArray()).toArray(char[][]::new);
        List<char[]> other = new ArrayList<>();
        boolean trigrams = true;
        for (char[] w : this.words) {
            char c = w[0];
            if (c < 128) {
                char[][] list = byFirst[c];
                char[][] grown = list == null ? new char[1][] : java.util.Arrays.copyOf(list, list.length + 1);
                grown[grown.length - 1] = w;
                byFirst[c] = grown;
            } else {
                other.add(w);
            }
            if (w.length < 3) {
                trigrams = false;
            } else {
                int bit = trigram(w[0], w[1], w[2]);
                firstTrigrams[bit >>> 6] |= 1L << bit;
            }
        }
        this.otherFirst = other.toArray(new char[0][]);
        this.trigramCheck = trigrams;
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

    /**
     * True when {@code text[start, end)}, read as a key name, is sensitive. One walk over the key keeps its last three
     * letters (separators skipped) as a trigram: only where a word starts with that trigram are words compared.
     */
    public boolean matches(CharSequence text, int start, int end) {
        if (end - start > MAX_KEY_LENGTH) {
            start = end - MAX_KEY_LENGTH; // the name part that matters sits right before the separator
        }
        if (!trigramCheck) {
            return matchesAnywhere(text, start, end);
        }
        int twoBack = -1;
        int oneBack = -1;
        int trigram = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int code = c < 128 ? ASCII_CODES[c] : isSeparator(c) ? 0 : code(lower(c));
            if (code == 0) {
                continue; // a separator
            }
            trigram = ((trigram << TRIGRAM_BITS) | code) & TRIGRAM_MASK;
            if (twoBack >= 0 && (firstTrigrams[trigram >>> 6] >>> trigram & 1) != 0 && wordStartsAt(text, twoBack, end)) {
                return true;
            }
            twoBack = oneBack;
            oneBack = i;
        }
        return false;
    }

    /**
     * A cheap superset of {@link #matches}: false only when no word can occur in the run of letters, digits and
     * separators that ends right before {@code end} (at most {@value #MAX_KEY_LENGTH} characters back), so a key
     * found there is not sensitive. One backward walk with a rolling trigram; no word is compared.
     */
    public boolean mayOccurBefore(CharSequence text, int end) {
        if (!trigramCheck) {
            return true;
        }
        final int floor = Math.max(0, end - MAX_KEY_LENGTH);
        int trigram = 0;
        int letters = 0;
        for (int i = end - 1; i >= floor; i--) {
            char c = text.charAt(i);
            int code = c < 128 ? ASCII_CODES[c] : isSeparator(c) ? 0 : code(lower(c));
            if (code == 0) {
                continue; // a separator
            }
            if (c < 128 && !isKeyLetter(c)) {
                return false; // the run ends: ':' '=' '"' and the like cannot be inside a word
            }
            trigram = (code << (2 * TRIGRAM_BITS)) | (trigram >>> TRIGRAM_BITS);
            if (++letters >= 3 && (firstTrigrams[trigram >>> 6] >>> trigram & 1) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Every position compared with every word: for word lists with words shorter than three letters. */
    private boolean matchesAnywhere(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isSeparator(text.charAt(i)) && wordStartsAt(text, i, end)) {
                return true;
            }
        }
        return false;
    }

    private boolean wordStartsAt(CharSequence text, int i, int end) {
        char lc = lower(text.charAt(i));
        char[][] candidates = lc < 128 ? byFirst[lc] : otherFirst;
        if (candidates == null) {
            return false;
        }
        for (char[] w : candidates) {
            if (w[0] == lc && matchesAt(text, i, end, w)) {
                return true;
            }
        }
        return false;
    }

    /** Three lower-cased letters as a {@code 3 * TRIGRAM_BITS}-bit number; letters other than a-z share a few codes. */
    private static int trigram(char a, char b, char c) {
        return (code(a) << (2 * TRIGRAM_BITS)) | (code(b) << TRIGRAM_BITS) | code(c);
    }

    private static int code(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 27 + c % 5;
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
