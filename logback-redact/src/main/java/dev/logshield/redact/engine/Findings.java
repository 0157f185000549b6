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
    /** Per rule: the index before which it wants no candidate ({@link Detector#validate}'s answer). */
    private int[] resume = new int[0];
    private int[] streamPositions = new int[0];
    private byte[] bytes = new byte[0];
    boolean inUse;
    /** What a detector threw, when the scan stopped on it, and its rule index. */
    Throwable failure;
    int failedRule = -1;

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

    /** Copies span {@code from} over span {@code to} (to <= from): for compacting in place. */
    void moveTo(int from, int to) {
        starts[to] = starts[from];
        ends[to] = ends[from];
        keeps[to] = keeps[from];
        rules[to] = rules[from];
    }

    void prepareResume(int rules) {
        if (resume.length < rules) {
            resume = new int[rules];
        } else {
            java.util.Arrays.fill(resume, 0, rules, 0);
        }
    }

    void fail(int rule, Throwable thrown) {
        failedRule = rule;
        failure = thrown;
    }

    /** Scratch for {@link TriggerCharacters}: the next occurrence of each trigger character. */
    int[] streamPositions(int size) {
        if (streamPositions.length < size) {
            streamPositions = new int[size];
        }
        return streamPositions;
    }

    /** Scratch for {@link DigitRuns}. */
    byte[] byteBuffer(int size) {
        if (bytes.length < size) {
            bytes = new byte[size];
        }
        return bytes;
    }

    int resumeAt(int rule) {
        return resume[rule];
    }

    void resumeFrom(int rule, int index) {
        resume[rule] = index;
    }

    void truncateTo(int newSize) {
        size = newSize;
    }

    void clear() {
        size = 0;
        currentRule = 0;
        failure = null;
        failedRule = -1;
    }

    /**
     * Sorts spans by start, then by rule (rule order = priority), then by report order. Insertion sort for the
     * usual handful, a packed-key sort when an adversarial text yields many.
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
        Arrays.sort(keys); // by start, then report order; rule order within a start follows
        for (int from = 0; from < size; ) {
            int to = from + 1;
            while (to < size && keys[to] >>> 32 == keys[from] >>> 32) {
                to++;
            }
            if (to - from > 1) {
                sortRunByRule(keys, from, to);
            }
            from = to;
        }
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

    /** Stable insertion sort of {@code keys[from, to)} (equal starts) by their spans' rules. */
    private void sortRunByRule(long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = keys[i];
            int rule = rules[(int) key];
            int j = i - 1;
            while (j >= from && rules[(int) keys[j]] > rule) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }

    private void insertionSort() {
        for (int i = 1; i < size; i++) {
            int s = starts[i], e = ends[i], k = keeps[i], r = rules[i];
            int j = i - 1;
            while (j >= 0 && (starts[j] > s || (starts[j] == s && rules[j] > r))) {
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
