package dev.logshield.redact.engine;

/**
 * The single pass over a text: finds the candidates the rules' {@link Triggers} ask for and hands each one to the
 * rules that want it. Character and literal triggers are found with {@link String#indexOf(int, int)}, which the JVM
 * vectorises ({@link TriggerCharacters}); digit triggers by reading the text eight characters at a time
 * ({@link DigitRuns}); so a clean text costs little more than reading it, whatever the number of rules. A rule is
 * called only where one of its triggers occurs, in increasing order, and not again before the index its last
 * validation returned. Immutable; the per-text state lives in the caller's {@link Findings}.
 */
final class CandidateScanner {

    /** At most this many rules take part in the pass (they are bits of a {@code long}). */
    static final int MAX_TRIGGERED_RULES = 64;
    /** Longest {@link Triggers.Builder#digitRuns} span. */
    static final int MAX_DIGIT_SPAN = DigitRuns.MAX_SPAN;

    private final Rule[] rules;
    private final Detector[] detectors;
    /** Rule index by bit. */
    private final int[] ruleOfBit;
    private final TriggerCharacters characters;
    private final DigitRuns digits;
    /** Rules that search the whole text themselves, by rule index. */
    private final int[] wholeTextRules;

    CandidateScanner(Rule[] rules, EngineOutput engineOutput) {
        this.rules = rules;
        this.detectors = new Detector[rules.length];
        for (int r = 0; r < rules.length; r++) {
            detectors[r] = rules[r].detector();
        }
        int triggered = 0;
        int whole = 0;
        for (Rule r : rules) {
            if (r.detector().triggers().wholeText()) {
                whole++;
            } else {
                triggered++;
            }
        }
        if (triggered > MAX_TRIGGERED_RULES) {
            throw new IllegalArgumentException("at most " + MAX_TRIGGERED_RULES + " detectors can share one pass, got "
                    + triggered);
        }
        ruleOfBit = new int[triggered];
        wholeTextRules = new int[whole];
        Triggers[] byBit = new Triggers[triggered];
        int bit = 0;
        whole = 0;
        for (int r = 0; r < rules.length; r++) {
            Triggers t = rules[r].detector().triggers();
            if (t.wholeText()) {
                wholeTextRules[whole++] = r;
            } else {
                byBit[bit] = t;
                ruleOfBit[bit++] = r;
            }
        }
        characters = new TriggerCharacters(byBit, engineOutput);
        digits = new DigitRuns(byBit);
    }

    /**
     * Runs every rule's candidates of {@code text} into {@code out}. Returns false when a rule threw: the caller fails
     * closed, and {@link Findings#failedRule} and {@link Findings#failure} say which and what.
     */
    boolean scan(CharSequence text, Findings out) {
        out.prepareResume(rules.length);
        if (!characters.scan(text, out, this) || !digits.scan(text, out, this)) {
            return false;
        }
        for (int r : wholeTextRules) {
            if (!call(r, text, 0, out)) {
                return false;
            }
        }
        return true;
    }

    /** Hands the candidate at {@code at} to the rule of {@code bit} unless it asked to skip it; false if it threw. */
    boolean offer(int bit, CharSequence text, int at, Findings out) {
        int r = ruleOfBit[bit];
        return at < out.resumeAt(r) || call(r, text, at, out);
    }

    /** {@link #offer} to every rule of {@code bits}, in rule order. */
    boolean offerAll(long bits, CharSequence text, int at, Findings out) {
        long m = bits;
        while (m != 0) {
            int bit = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            if (!offer(bit, text, at, out)) {
                return false;
            }
        }
        return true;
    }

    private boolean call(int r, CharSequence text, int at, Findings out) {
        out.beginRule(r);
        try {
            out.resumeFrom(r, validate(r, text, at, out));
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            out.fail(r, e);
            return false;
        }
    }

    /**
     * Calls rule {@code r}'s detector from a call site of its own (for the first 24 rules): the JIT inlines a call only
     * where one or two classes reach it, and one shared site reached by every detector class would be a virtual call
     * per candidate. Measured in ScannerPrimitivesBenchmark.
     */
    private int validate(int r, CharSequence text, int at, Findings out) {
        Detector d = detectors[r];
        switch (r) {
            case 0:
                return d.validate(text, at, out);
            case 1:
                return d.validate(text, at, out);
            case 2:
                return d.validate(text, at, out);
            case 3:
                return d.validate(text, at, out);
            case 4:
                return d.validate(text, at, out);
            case 5:
                return d.validate(text, at, out);
            case 6:
                return d.validate(text, at, out);
            case 7:
                return d.validate(text, at, out);
            case 8:
                return d.validate(text, at, out);
            case 9:
                return d.validate(text, at, out);
            case 10:
                return d.validate(text, at, out);
            case 11:
                return d.validate(text, at, out);
            case 12:
                return d.validate(text, at, out);
            case 13:
                return d.validate(text, at, out);
            case 14:
                return d.validate(text, at, out);
            case 15:
                return d.validate(text, at, out);
            case 16:
                return d.validate(text, at, out);
            case 17:
                return d.validate(text, at, out);
            case 18:
                return d.validate(text, at, out);
            case 19:
                return d.validate(text, at, out);
            case 20:
                return d.validate(text, at, out);
            case 21:
                return d.validate(text, at, out);
            case 22:
                return d.validate(text, at, out);
            case 23:
                return d.validate(text, at, out);
            default:
                return d.validate(text, at, out);
        }
    }
}
