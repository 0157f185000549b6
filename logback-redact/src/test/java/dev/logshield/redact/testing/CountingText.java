package dev.logshield.redact.testing;

/**
 * A text that counts the characters read from it: the measure of work for tests that prove a scan linear without
 * timing it. The engine, its detectors and RE2J read a {@link CharSequence} only through {@link #charAt}, so the
 * count is the work done on the text, the same on an idle machine and on a busy one. {@link #subSequence} shares the
 * count, and {@link #toString} counts the characters it copies.
 *
 * <p>Reading more than {@code limit} characters throws an {@link AssertionError}: an {@link Error}, which the engine
 * (it fails closed on a {@link RuntimeException}) lets through, so a blow-up fails the test at once instead of running
 * for hours.
 */
public final class CountingText implements CharSequence {

    private final String text;
    private final int from;
    private final int to;
    private final Reads reads;

    /** {@code text}, which may be read {@code limit} characters in all. */
    public CountingText(String text, long limit) {
        this(text, 0, text.length(), new Reads(limit));
    }

    private CountingText(String text, int from, int to, Reads reads) {
        this.text = text;
        this.from = from;
        this.to = to;
        this.reads = reads;
    }

    /** The characters read so far, of this text and of its subsequences. */
    public long reads() {
        return reads.count;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException(index);
        }
        reads.add(1);
        return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > to - from || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + (to - from));
        }
        return new CountingText(text, from + start, from + end, reads);
    }

    @Override
    public String toString() {
        reads.add(to - from);
        return text.substring(from, to);
    }

    private static final class Reads {
        private final long limit;
        private long count;

        Reads(long limit) {
            this.limit = limit;
        }

        void add(long n) {
            count += n;
            if (count > limit) {
                throw new AssertionError("more than " + limit + " characters read: not linear");
            }
        }
    }
}
