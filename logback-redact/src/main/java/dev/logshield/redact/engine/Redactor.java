package dev.logshield.redact.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, thread-safe compiled rule set that redacts text.
 *
 * <p>{@link #redact(String)} reads the text once ({@link CandidateScanner}), hands each candidate only to the
 * detectors whose {@link Triggers} ask for it, and returns the very same instance, without allocating, when nothing
 * matches. Overlapping
 * findings are merged so that no sensitive character survives between them. If a detector fails, the
 * engine fails closed: the whole text is replaced by {@code [REDACTED:redaction-failed]}.
 *
 * <p>Build one with {@link #builder()}; Logback components build theirs from configuration.
 */
public final class Redactor {

    /** Replacement for a text whose redaction failed. */
    public static final String FAILED = "[REDACTED:redaction-failed]";


    private final Rule[] rules;
    private final SensitiveKeyMatcher sensitiveKeys;
    private final Action sensitiveKeyAction;
    private final KeyedHasher hasher;
    private final RedactionListener listener;
    private final EngineOutput engineOutput;
    private final CandidateScanner scanner;
    /** Each thread's working space; per engine, not static, so that no thread pins this class loader. */
    private final ThreadLocal<Findings> findingsByThread = ThreadLocal.withInitial(Findings::new);

    private Redactor(Builder b) {
        this.rules = b.rules.toArray(new Rule[0]);
        this.sensitiveKeys = b.sensitiveKeys;
        this.sensitiveKeyAction = b.sensitiveKeyAction;
        this.hasher = b.hasher;
        this.listener = b.listener;
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Rule r : rules) {
            names.add(r.name());
        }
        names.add(SensitiveKeyMatcher.LABEL);
        names.add("redaction-failed");
        java.util.Set<String> prefixes = new java.util.LinkedHashSet<>();
        for (Rule r : rules) {
            prefixes.addAll(r.detector().knownPrefixes());
        }
        this.engineOutput = new EngineOutput(names.toArray(new String[0]), hasher == null ? null : hasher.keyId(),
                prefixes.toArray(new String[0]));
        this.scanner = new CandidateScanner(rules, engineOutput);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The compiled rules, in priority order. */
    public List<Rule> rules() {
        return List.of(rules);
    }

    /** True when a hash key is configured ({@link Action#HASH} rules produce tokens, not masks). */
    public boolean hasHashKey() {
        return hasher != null;
    }

    /** The matcher that decides whether a field or key name is sensitive. */
    public SensitiveKeyMatcher sensitiveKeys() {
        return sensitiveKeys;
    }

    /** Redacts {@code text}; returns the same instance when nothing matched; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        CharSequence r = redact((CharSequence) text);
        return r == text ? text : r.toString();
    }

    /** Redacts {@code text}; returns the same instance when nothing matched; null stays null. */
    public CharSequence redact(CharSequence text) {
        return run(text, null);
    }

    /**
     * Redacts {@code text} like {@link #redact(CharSequence)} and tells {@code spans} which spans of the original
     * text it replaced, in order, after overlapping findings were merged: what lets a caller map the redaction back
     * onto the pieces the text was built from (a message's placeholder arguments) without scanning again. When a
     * detector fails, the answer is {@link #FAILED} and the whole text is one span with a null rule.
     */
    public String redact(String text, SpanListener spans) {
        Objects.requireNonNull(spans, "spans");
        if (text == null || text.isEmpty()) {
            return text;
        }
        CharSequence r = run(text, spans);
        if (r == FAILED) {
            spans.replaced(0, text.length(), null);
        }
        return r == text ? text : r.toString();
    }

    /** Redacts {@code text}, telling {@code spans} (when not null) what it replaced. */
    private CharSequence run(CharSequence text, SpanListener spans) {
        if (text == null) {
            return null;
        }
        final int n = text.length();
        if (n == 0) {
            return text;
        }
        Findings findings = acquireFindings();
        try {
            if (!scanner.scan(text, findings)) {
                notifyFailure(rules[findings.failedRule], findings.failure);
                return FAILED;
            }
            if (findings.size() > 0) {
                engineOutput.dropFindingsOf(text, findings);
            }
            if (findings.size() == 0) {
                return text;
            }
            return render(text, findings, spans);
        } finally {
            release(findings);
        }
    }

    /**
     * Redacts the value of a named field: when {@code key} is a sensitive name (password, token,
     * {@code X-Api-Key}...) the whole value is replaced; otherwise the value is redacted like any text.
     */
    public String redactValue(CharSequence key, String value) {
        if (value == null) {
            return null;
        }
        if (key != null && sensitiveKeys.matches(key, 0, key.length())) {
            if (engineOutput.isWhole(value)) {
                return value; // redacted before: a pseudonym stays the same
            }
            StringBuilder out = new StringBuilder(24);
            Replacement.append(sensitiveKeyAction, SensitiveKeyMatcher.LABEL, value, 0, value.length(), 0, hasher, out);
            return out.toString();
        }
        return redact(value);
    }

    /**
     * Renders all of {@code value} with {@code action}, as one sensitive span: for a value that is secret
     * because of where it sits (a field named {@code token}), whatever it looks like. When one of this
     * redactor's rules recognises the entire value as a single finding (a {@code tok-} or {@code ghp_} key),
     * that finding's known prefix is kept, so {@link Action#PARTIAL} renders {@code tok-1234567890abcdef} as
     * {@code tok-1234****cdef}; an unrecognised value is rendered without a prefix ({@code hu********se}, or
     * {@code [REDACTED:label]} when short). The rules' own actions are not used. Null stays null. Never throws:
     * a failing detector is reported to the listener and only costs the prefix.
     */
    public String renderWhole(Action action, String label, String value) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        if (value == null) {
            return null;
        }
        if (engineOutput.isWhole(value)) {
            return value; // redacted before: a pseudonym stays the same
        }
        StringBuilder out = new StringBuilder(24);
        int prefix = action == Action.PARTIAL ? wholeValuePrefix(value) : 0; // only a partial mask shows a prefix
        Replacement.append(action, label, value, 0, value.length(), prefix, hasher, out);
        return out.toString();
    }

    /** Known prefix of the highest-priority finding that spans all of {@code value}, else 0. */
    private int wholeValuePrefix(String value) {
        final int n = value.length();
        if (n == 0) {
            return 0;
        }
        Findings findings = acquireFindings();
        try {
            if (!scanner.scan(value, findings)) {
                notifyFailure(rules[findings.failedRule], findings.failure);
                return 0;
            }
            int best = -1;
            for (int i = 0; i < findings.size(); i++) { // the lowest rule index is the highest priority
                if (findings.start(i) == 0 && findings.end(i) == n && (best < 0 || findings.rule(i) < findings.rule(best))) {
                    best = i;
                }
            }
            return best < 0 ? 0 : findings.knownPrefix(best);
        } finally {
            release(findings);
        }
    }

    /** This thread's reusable findings, or new ones when this thread is already redacting (a listener that logs). */
    private Findings acquireFindings() {
        Findings findings = findingsByThread.get();
        if (findings.inUse) {
            findings = new Findings();
        }
        findings.inUse = true;
        return findings;
    }

    private static void release(Findings findings) {
        findings.clear();
        findings.inUse = false;
    }

    /**
     * The redacted text; {@code spans} (when not null) is told each merged span it replaced. {@code f} is sorted
     * ({@link EngineOutput#dropFindingsOf} leaves it so).
     */
    private CharSequence render(CharSequence text, Findings f, SpanListener spans) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        int i = 0;
        final int count = f.size();
        while (i < count) {
            int start = f.start(i);
            int end = f.end(i);
            int rule = f.rule(i);
            int prefix = f.knownPrefix(i);
            int j = i + 1;
            while (j < count && f.start(j) < end) { // merge overlaps: never leak the gap between two findings
                end = Math.max(end, f.end(j));
                j++;
            }
            if (start < copied) { // cannot happen after merging, kept as a guard
                start = copied;
            }
            if (end > text.length()) {
                end = text.length();
            }
            if (start < end) {
                out.append(text, copied, start);
                Rule r = rules[rule];
                Replacement.append(r.action(), r.name(), text, start, end, prefix, hasher, out);
                r.recordHit();
                notifyHit(r);
                if (spans != null) {
                    spans.replaced(start, end, r);
                }
                copied = end;
            }
            i = j;
        }
        out.append(text, copied, text.length());
        return out;
    }

    private void notifyFailure(Rule rule, Throwable failure) {
        try {
            listener.onFailure(rule, failure);
        } catch (RuntimeException ignored) {
            // a broken listener must not turn a masked text into an exception in the application
        }
    }

    private void notifyHit(Rule rule) {
        try {
            listener.onHit(rule);
        } catch (RuntimeException ignored) {
            // as above: hits are best-effort telemetry
        }
    }

    /** Told which spans of a text {@link #redact(String, SpanListener)} replaced. */
    @FunctionalInterface
    public interface SpanListener {
        /** {@code text[start, end)} is replaced under {@code rule} (the merged span's first finding's; null: failed). */
        void replaced(int start, int end, Rule rule);
    }

    /** Collects rules and settings; {@link #build()} compiles them into an immutable {@link Redactor}. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private SensitiveKeyMatcher sensitiveKeys = SensitiveKeyMatcher.defaults();
        private Action sensitiveKeyAction = Action.MASK;
        private KeyedHasher hasher;
        private RedactionListener listener = RedactionListener.NONE;

        private Builder() {
        }

        /** Adds a rule; earlier rules win when two findings start at the same place. */
        public Builder rule(Detector detector, Action action) {
            rules.add(new Rule(detector, action));
            return this;
        }

        public Builder sensitiveKeys(SensitiveKeyMatcher matcher) {
            this.sensitiveKeys = Objects.requireNonNull(matcher);
            return this;
        }

        /** Action for values of sensitive fields handed to {@link Redactor#redactValue}. */
        public Builder sensitiveKeyAction(Action action) {
            this.sensitiveKeyAction = Objects.requireNonNull(action);
            return this;
        }

        /** Key for {@link Action#HASH}; without one, hash rules mask. */
        public Builder hasher(KeyedHasher hasher) {
            this.hasher = hasher;
            return this;
        }

        public Builder listener(RedactionListener listener) {
            this.listener = listener == null ? RedactionListener.NONE : listener;
            return this;
        }

        public Redactor build() {
            return new Redactor(this);
        }
    }
}
