package dev.logshield.redact.policy;

import java.util.List;

/**
 * Finds a rule's keywords in a text, case-insensitively and without allocating: a first-character table
 * rejects most positions with one array read, and only candidates are compared character by character.
 * The limits on keyword count and length bound the work per text position whatever the text.
 * Immutable.
 */
final class KeywordFinder {

    static final int MAX_KEYWORDS = 32;
    static final int MAX_KEYWORD_LENGTH = 64;

    private final char[][] keywords;
    private final boolean[] asciiFirst = new boolean[128];
    private final boolean nonAsciiFirst;

    /** @throws IllegalArgumentException naming {@code rule} for too many, empty or overlong keywords */
    KeywordFinder(String rule, List<String> words) {
        if (words.size() > MAX_KEYWORDS) {
            throw new IllegalArgumentException("rule '" + rule + "' has " + words.size() + " keywords; at most "
                    + MAX_KEYWORDS + " are allowed");
        }
        keywords = new char[words.size()][];
        boolean nonAscii = false;
        for (int k = 0; k < keywords.length; k++) {
            String word = words.get(k);
            if (word == null || word.isEmpty() || word.length() > MAX_KEYWORD_LENGTH) {
                throw new IllegalArgumentException("rule '" + rule + "': keywords must be 1 to " + MAX_KEYWORD_LENGTH
                        + " characters long");
            }
            keywords[k] = new char[word.length()];
            for (int i = 0; i < word.length(); i++) {
                keywords[k][i] = fold(word.charAt(i));
            }
            char first = keywords[k][0];
            if (first < 128) {
                asciiFirst[first] = true;
            } else {
                nonAscii = true;
            }
        }
        nonAsciiFirst = nonAscii;
    }

    boolean isEmpty() {
        return keywords.length == 0;
    }

    /** Length of the longest keyword occurring at {@code i} in {@code text[0, n)}, or -1. */
    int lengthAt(CharSequence text, int i, int n) {
        char f = fold(text.charAt(i));
        if (f < 128 ? !asciiFirst[f] : !nonAsciiFirst) {
            return -1;
        }
        int best = -1;
        for (char[] k : keywords) {
            if (k.length <= best || i + k.length > n) {
                continue;
            }
            int j = 0;
            while (j < k.length && fold(text.charAt(i + j)) == k[j]) {
                j++;
            }
            if (j == k.length) {
                best = k.length;
            }
        }
        return best;
    }

    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
