package dev.logshield.redact.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;
import java.util.concurrent.atomic.LongAdder;

/**
 * The detector behind a {@link CustomRule}: a user's regular expression, run by RE2J so that no pattern and
 * no input can make it backtrack. {@code (a+)+$} over a megabyte of {@code a}s takes one linear pass instead
 * of the lifetime of the universe; patterns that need backtracking (backreferences such as {@code \1},
 * lookahead and lookbehind, atomic groups, possessive quantifiers) are rejected when the rule is compiled,
 * as are patterns that match the empty string (they would match everywhere) and patterns whose compiled
 * program is too large to run cheaply on every log line.
 *
 * <p><b>Keywords.</b> When the rule has keywords, the text is first searched for them (case-insensitive,
 * allocation-free); the regular expression runs only when one occurs, and then only inside a window of
 * {@value #DEFAULT_WINDOW} characters on each side of each occurrence (overlapping windows are merged). A
 * clean text therefore costs one scan and no allocation. Without keywords the expression runs over the
 * whole text, which allocates an RE2J matcher for every text: give keywords to rules on hot logging paths.
 *
 * <p><b>Work limit.</b> RE2 guarantees one search is linear, but finding <em>all</em> matches can still be
 * quadratic for some patterns ({@code a.*b|a} over {@code aaaa...} searches to the end of the text for every
 * {@code a}). Each text therefore gets a budget of {@value #WORK_FACTOR} character reads per character plus
 * {@value #WORK_BASE}; when a pattern exhausts it, everything not yet searched is redacted (fail closed) and
 * {@link #workLimitHits()} counts it. Ordinary patterns read each character three to
 * four times in all, far below the budget.
 *
 * <p>Immutable and thread-safe. The name (the rule name) labels the mask: {@code [REDACTED:order-id]}.
 */
public final class CustomPatternDetector implements Detector {

    /** Characters searched on each side of a keyword occurrence. */
    public static final int DEFAULT_WINDOW = 512;
    static final int WORK_FACTOR = 32;
    static final int WORK_BASE = 16_384;

    private static final WorkLimitReached WORK_LIMIT = new WorkLimitReached();

    private final String name;
    private final Pattern pattern;
    private final KeywordFinder keywords;
    private final int window;
    private final LongAdder workLimitHits = new LongAdder();

    private CustomPatternDetector(String name, Pattern pattern, KeywordFinder keywords, int window) {
        this.name = name;
        this.pattern = pattern;
        this.keywords = keywords;
        this.window = window;
    }

    /** Compiles {@code rule} with the default keyword window. */
    public static CustomPatternDetector compile(CustomRule rule) {
        return compile(rule, DEFAULT_WINDOW);
    }

    /**
     * Compiles {@code rule}, searching {@code window} characters on each side of a keyword occurrence.
     *
     * @throws IllegalArgumentException naming the rule when the pattern or a keyword is unusable
     */
    public static CustomPatternDetector compile(CustomRule rule, int window) {
        String name = rule.name();
        if (window < 1 || window > (1 << 20)) {
            throw new IllegalArgumentException("rule '" + name + "': keyword window must be between 1 and 1048576");
        }
        Pattern pattern = RulePatternCompiler.compile(name, rule.pattern(), rule.caseInsensitive());
        return new CustomPatternDetector(name, pattern, new KeywordFinder(name, rule.keywords()), window);
    }

    @Override
    public String name() {
        return name;
    }

    /** The compiled RE2J pattern. */
    public Pattern pattern() {
        return pattern;
    }

    /** Number of texts on which this pattern ran out of its work budget and the rest was redacted. */
    public long workLimitHits() {
        return workLimitHits.sum();
    }

    @Override
    public Triggers triggers() {
        return Triggers.WHOLE_TEXT; // an arbitrary expression gives no trigger; the keywords are searched below
    }

    @Override
    public int validate(CharSequence text, int at, Findings out) {
        final int n = text.length();
        if (n == 0) {
            return n;
        }
        if (keywords.isEmpty()) {
            new Search(text, n).run(0, n, out);
            return n;
        }
        Search search = null;
        int from = -1;
        int to = -1;
        for (int i = 0; i < n; i++) {
            int len = keywords.lengthAt(text, i, n);
            if (len < 0) {
                continue;
            }
            int start = Math.max(0, i - window);
            int end = (int) Math.min(n, (long) i + len + window);
            if (to >= 0 && start <= to) {
                to = Math.max(to, end);
                continue;
            }
            if (to >= 0) {
                search = search != null ? search : new Search(text, n);
                search.run(from, to, out);
            }
            from = start;
            to = end;
        }
        if (to >= 0) {
            search = search != null ? search : new Search(text, n);
            search.run(from, to, out);
        }
        return n;
    }

    @Override
    public String toString() {
        return "CustomPatternDetector[" + name + ": " + pattern.pattern() + "]";
    }

    /**
     * One text's search: a window onto the text handed to RE2J, counting every character read so that a
     * pattern with a quadratic find-all cannot stall the logging thread.
     */
    private final class Search implements CharSequence {
        private final CharSequence text;
        private long budget;
        private int offset;
        private int length;
        private Matcher matcher;
        private boolean exhausted;

        Search(CharSequence text, int n) {
            this.text = text;
            this.budget = (long) WORK_FACTOR * n + WORK_BASE;
        }

        void run(int from, int to, Findings out) {
            if (exhausted) {
                out.add(from, to);
                return;
            }
            offset = from;
            length = to - from;
            matcher = matcher == null ? pattern.matcher(this) : matcher.reset(this);
            int searched = 0;
            try {
                while (matcher.find()) {
                    out.add(from + matcher.start(), from + matcher.end());
                    searched = matcher.end();
                }
            } catch (WorkLimitReached e) {
                exhausted = true;
                workLimitHits.increment();
                out.add(from + searched, to);
            }
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw WORK_LIMIT;
            }
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(offset + start, offset + end);
        }

        @Override
        public String toString() {
            return text.subSequence(offset, offset + length).toString();
        }
    }

    /** Thrown from inside RE2J to abandon a search; preallocated, no stack trace. */
    private static final class WorkLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkLimitReached() {
            super("custom rule work limit reached", null, false, false);
        }
    }
}
