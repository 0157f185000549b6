package dev.logshield.redact.engine;

import java.util.Arrays;

/**
 * Mutable collector of the spans detectors report for one text. Reused per thread by the engine, so
 * collecting allocates only when a text has more findings than ever seen before on that thread.
 */
public final class Findings {

    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int[] keeps = new int[8];
    private int[] rules = new int[8];
    private int size;
    private int currentRule;
    boolean inUse;

    /** Reports that {@code text[start, end)} is sensitive. */
    public void add(int start, int end) {
        add(start, end, 0);
    }

    /**
     * Reports that {@code text[start, end)} is sensitive and that its first {@code knownPrefix} characters
     * are a public, well-known prefix (e.g. {@code ghp_}, {@code sk_live_}) that a partial mask may keep.
     */
    public void add(int start, int end, int knownPrefix) {
        if (start < 0 || end <= start) {
            return;
        }
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            keeps = Arrays.copyOf(keeps, n);
            rules = Arrays.copyOf(rules, n);
        }
        starts[size] = start;
        ends[size] = end;
        keeps[size] = Math.max(0, Math.min(knownPrefix, end - start));
        rules[size] = currentRule;
        size++;
    }

    /** Number of spans reported so far. */
    public int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int knownPrefix(int i) {
        return keeps[i];
    }

    int rule(int i) {
        return rules[i];
    }

    void beginRule(int ruleIndex) {
        currentRule = ruleIndex;
    }

    /** Drops the spans that lie wholly inside {@code [from, to)}, keeping the others in their order. */
    void dropInside(int from, int to) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (starts[i] >= from && ends[i] <= to) {
                continue;
            }
            starts[kept] = starts[i];
            ends[kept] = ends[i];
            keeps[kept] = keeps[i];
            rules[kept] = rules[i];
            kept++;
        }
        size = kept;
    }

    void truncateTo(int newSize) {
        size = newSize;
    }

    void clear() {
        size = 0;
        currentRule = 0;
    }

    /**
     * Sorts spans by start; spans with equal starts keep their report order (rule order = priority).
     * Insertion sort for the usual handful, a packed-key sort when an adversarial text yields many.
     */
    void sort() {
        if (size < 32) {
            insertionSort();
            return;
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) starts[i] << 32) | i;
        }
        Arrays.sort(keys);
        int[] s = new int[size], e = new int[size], k = new int[size], r = new int[size];
        for (int i = 0; i < size; i++) {
            int from = (int) keys[i];
            s[i] = starts[from];
            e[i] = ends[from];
            k[i] = keeps[from];
            r[i] = rules[from];
        }
        System.arraycopy(s, 0, starts, 0, size);
        System.arraycopy(e, 0, ends, 0, size);
        System.arraycopy(k, 0, keeps, 0, size);
        System.arraycopy(r, 0, rules, 0, size);
    }

    private void insertionSort() {
        for (int i = 1; i < size; i++) {
            int s = starts[i], e = ends[i], k = keeps[i], r = rules[i];
            int j = i - 1;
            while (j >= 0 && starts[j] > s) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                keeps[j + 1] = keeps[j];
                rules[j + 1] = rules[j];
                j--;
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
            keeps[j + 1] = k;
            rules[j + 1] = r;
        }
    }
}
