package dev.logshield.redact.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the character and literal triggers of a {@link CandidateScanner}'s rules. Each distinct trigger character
 * (a literal's anchor: see {@link Triggers#anchorIndex}) is searched with {@link String#indexOf(int, int)}, and the
 * occurrences of all of them are visited in text order, so each rule sees its candidates in increasing order. At a
 * literal's anchor, a table of the character next to it rules out most literals before any comparison. Nothing
 * inside a mask label or pseudonym this engine wrote ({@link EngineOutput}) is offered: text redacted before reads as
 * it was written. Immutable.
 */
final class TriggerCharacters {

    private final char[] anchors;
    /** Per anchor: bits of the rules called at every occurrence. */
    private final long[] everyOccurrence;
    /** Per anchor: by the character before it, bits of the rules with a literal whose anchor is not its first character. */
    private final long[][] byCharBefore;
    /** Per anchor: by the character after it, bits of the rules with a literal anchored at its first character. */
    private final long[][] byCharAfter;
    private final String[][] literals;
    private final int[][] literalAnchor;
    private final int[][] literalBit;
    /** This engine's output, whose inside no rule is shown: it is found through its {@code [}. */
    private final EngineOutput engineOutput;
    private final int tokenStream;

    TriggerCharacters(Triggers[] byBit, EngineOutput engineOutput) {
        this.engineOutput = engineOutput;
        List<Character> found = new ArrayList<>();
        for (Triggers t : byBit) {
            for (char c : t.chars().toCharArray()) {
                addOnce(found, c);
            }
            for (String literal : t.literals()) {
                addOnce(found, literal.charAt(Triggers.anchorIndex(literal)));
            }
        }
        boolean tokensOnly = found.isEmpty();
        addOnce(found, EngineOutput.OPEN);
        tokenStream = tokensOnly ? -1 : found.indexOf(EngineOutput.OPEN);
        int k = tokensOnly ? 0 : found.size();
        anchors = new char[k];
        everyOccurrence = new long[k];
        byCharBefore = new long[k][];
        byCharAfter = new long[k][];
        literals = new String[k][];
        literalAnchor = new int[k][];
        literalBit = new int[k][];
        for (int s = 0; s < k; s++) {
            char anchor = found.get(s);
            anchors[s] = anchor;
            List<String> lits = new ArrayList<>();
            List<Integer> bits = new ArrayList<>();
            long[] before = new long[128];
            long[] after = new long[128];
            for (int bit = 0; bit < byBit.length; bit++) {
                Triggers t = byBit[bit];
                if (t.chars().indexOf(anchor) >= 0) {
                    everyOccurrence[s] |= 1L << bit;
                }
                for (String literal : t.literals()) {
                    int a = Triggers.anchorIndex(literal);
                    if (literal.charAt(a) != anchor) {
                        continue;
                    }
                    lits.add(literal);
                    bits.add(bit);
                    if (a > 0) {
                        before[literal.charAt(a - 1)] |= 1L << bit;
                    } else {
                        after[literal.charAt(1)] |= 1L << bit;
                    }
                }
            }
            byCharBefore[s] = before;
            byCharAfter[s] = after;
            literals[s] = lits.toArray(new String[0]);
            literalBit[s] = bits.stream().mapToInt(Integer::intValue).toArray();
            literalAnchor[s] = lits.stream().mapToInt(Triggers::anchorIndex).toArray();
        }
    }

    private static void addOnce(List<Character> found, char c) {
        if (!found.contains(c)) {
            found.add(c);
        }
    }

    /** Offers every trigger of {@code text} in text order; false when a rule threw. */
    boolean scan(CharSequence text, Findings out, CandidateScanner scanner) {
        final int k = anchors.length;
        if (k == 0) {
            return true;
        }
        int[] next = out.streamPositions(k);
        for (int s = 0; s < k; s++) {
            next[s] = indexOf(text, anchors[s], 0);
        }
        int opaqueUntil = 0;
        while (true) {
            int stream = -1;
            int at = Integer.MAX_VALUE;
            for (int s = 0; s < k; s++) {
                int p = next[s];
                if (p >= 0 && p < at) {
                    at = p;
                    stream = s;
                }
            }
            if (stream < 0) {
                return true;
            }
            if (at >= opaqueUntil) {
                if (stream == tokenStream) {
                    opaqueUntil = engineOutput.tokenEnd(text, at) + 1; // a label or pseudonym: no candidate inside
                }
                if (!offer(stream, text, at, out, scanner)) {
                    return false;
                }
            }
            next[stream] = indexOf(text, anchors[stream], at + 1);
        }
    }

    private boolean offer(int s, CharSequence text, int at, Findings out, CandidateScanner scanner) {
        long every = everyOccurrence[s];
        if (every != 0 && !scanner.offerAll(every, text, at, out)) {
            return false;
        }
        String[] lits = literals[s];
        if (lits.length == 0) {
            return true;
        }
        char before = at > 0 ? text.charAt(at - 1) : 0;
        char after = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        long candidates = (before < 128 ? byCharBefore[s][before] : 0) | (after < 128 ? byCharAfter[s][after] : 0);
        if (candidates == 0) {
            return true;
        }
        int[] bits = literalBit[s];
        int[] anchorAt = literalAnchor[s];
        for (int i = 0; i < lits.length; i++) {
            int bit = bits[i];
            if ((candidates >>> bit & 1) == 0) {
                continue;
            }
            int start = at - anchorAt[i];
            if (start >= 0 && startsWith(text, lits[i], start) && !scanner.offer(bit, text, start, out)) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#indexOf(int, int)}, vectorised by the JVM, for a String; a plain loop for another text. */
    private static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof String) {
            return ((String) text).indexOf(c, from);
        }
        for (int i = from, n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, String literal, int at) {
        if (text instanceof String) {
            return ((String) text).startsWith(literal, at);
        }
        if (at + literal.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (text.charAt(at + i) != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
