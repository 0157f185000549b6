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
    /** Per anchor: by the character before it, the literals whose anchor is not their first character (indexes). */
    private final int[][][] byCharBefore;
    /** Per anchor: by the character after it, the literals anchored at their first character (indexes). */
    private final int[][][] byCharAfter;
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
        byCharBefore = new int[k][][];
        byCharAfter = new int[k][][];
        literals = new String[k][];
        literalAnchor = new int[k][];
        literalBit = new int[k][];
        for (int s = 0; s < k; s++) {
            char anchor = found.get(s);
            anchors[s] = anchor;
            List<String> lits = new ArrayList<>();
            List<Integer> bits = new ArrayList<>();
            List<List<Integer>> before = new ArrayList<>();
            List<List<Integer>> after = new ArrayList<>();
            for (int c = 0; c < 128; c++) {
                before.add(new ArrayList<>());
                after.add(new ArrayList<>());
            }
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
                    if (a > 0) {
                        before.get(literal.charAt(a - 1)).add(lits.size());
                    } else {
                        after.get(literal.charAt(1)).add(lits.size());
                    }
                    lits.add(literal);
                    bits.add(bit);
                }
            }
            byCharBefore[s] = indexes(before);
            byCharAfter[s] = indexes(after);
            literals[s] = lits.toArray(new String[0]);
            literalBit[s] = bits.stream().mapToInt(Integer::intValue).toArray();
            literalAnchor[s] = lits.stream().mapToInt(Triggers::anchorIndex).toArray();
        }
    }

    /** Per character, the literal indexes listed for it; null where there are none. */
    private static int[][] indexes(List<List<Integer>> byChar) {
        int[][] table = new int[128][];
        for (int c = 0; c < 128; c++) {
            if (!byChar.get(c).isEmpty()) {
                table[c] = byChar.get(c).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return table;
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
        // the streams whose character occurs, with their next occurrence; a stream leaves when it runs out
        int[] next = out.streamPositions(2 * k);
        int active = 0;
        for (int s = 0; s < k; s++) {
            int p = TextSearch.indexOf(text, anchors[s], 0);
            if (p >= 0) {
                next[2 * active] = p;
                next[2 * active + 1] = s;
                active++;
            }
        }
        int opaqueUntil = 0;
        while (active > 0) {
            int slot = 0;
            for (int a = 1; a < active; a++) {
                if (next[2 * a] < next[2 * slot]) {
                    slot = a;
                }
            }
            int at = next[2 * slot];
            int stream = next[2 * slot + 1];
            if (at >= opaqueUntil) {
                if (stream == tokenStream) {
                    opaqueUntil = engineOutput.tokenEnd(text, at) + 1; // a label or pseudonym: no candidate inside
                }
                if (!offer(stream, text, at, out, scanner)) {
                    return false;
                }
            }
            int p = TextSearch.indexOf(text, anchors[stream], at + 1);
            if (p >= 0) {
                next[2 * slot] = p;
            } else {
                active--;
                next[2 * slot] = next[2 * active];
                next[2 * slot + 1] = next[2 * active + 1];
            }
        }
        return true;
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
        return literalsAt(before < 128 ? byCharBefore[s][before] : null, s, text, at, out, scanner)
                && literalsAt(after < 128 ? byCharAfter[s][after] : null, s, text, at, out, scanner);
    }

    /** Offers, at its start, each of {@code candidates} (literal indexes of anchor {@code s}) that occurs at {@code at}. */
    private boolean literalsAt(int[] candidates, int s, CharSequence text, int at, Findings out, CandidateScanner scanner) {
        if (candidates == null) {
            return true;
        }
        for (int i : candidates) {
            int start = at - literalAnchor[s][i];
            if (TextSearch.startsWith(text, literals[s][i], start) && !scanner.offer(literalBit[s][i], text, start, out)) {
                return false;
            }
        }
        return true;
    }


}
