package dev.logshield.redact.filter;

/**
 * A value pattern for MDC conditions: {@code *} is any run of characters (including none), {@code ?} exactly
 * one character, every other character itself; case-sensitive; the whole value must match. {@code *} and
 * {@code ?} are always wildcards (use {@code ?} to match a literal {@code *}).
 *
 * <p>Immutable; matching allocates nothing and is linear in practice (greedy with backtracking to the last
 * {@code *} only, at most value x pattern steps); exact, prefix ({@code acme-*}) and suffix ({@code *-eu})
 * patterns are a single string comparison.
 */
final class ValueGlob {

    private enum Shape { EXACT, PREFIX, SUFFIX, EVERYTHING, GENERAL }

    private final String pattern;
    private final Shape shape;
    private final String literal;

    private ValueGlob(String pattern, Shape shape, String literal) {
        this.pattern = pattern;
        this.shape = shape;
        this.literal = literal;
    }

    /** Compiles {@code glob}; the exception message says what is wrong. */
    static ValueGlob compile(String glob) throws InvalidRuleException {
        if (glob.isEmpty()) {
            throw new InvalidRuleException("empty value glob; write e.g. mdc.tenant=acme-* (or mdc.tenant alone to"
                    + " test that the key is present)");
        }
        int stars = 0;
        boolean question = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            stars += c == '*' ? 1 : 0;
            question |= c == '?';
        }
        if (stars == glob.length()) {
            return new ValueGlob(glob, Shape.EVERYTHING, null);
        }
        if (!question && stars == 0) {
            return new ValueGlob(glob, Shape.EXACT, glob);
        }
        if (!question && stars == 1 && glob.endsWith("*")) {
            return new ValueGlob(glob, Shape.PREFIX, glob.substring(0, glob.length() - 1));
        }
        if (!question && stars == 1 && glob.startsWith("*")) {
            return new ValueGlob(glob, Shape.SUFFIX, glob.substring(1));
        }
        return new ValueGlob(glob, Shape.GENERAL, null);
    }

    boolean matches(String value) {
        switch (shape) {
            case EXACT:
                return value.equals(literal);
            case PREFIX:
                return value.startsWith(literal);
            case SUFFIX:
                return value.endsWith(literal);
            case EVERYTHING:
                return true;
            default:
                return matchGeneral(value);
        }
    }

    private boolean matchGeneral(String value) {
        final int n = value.length();
        final int m = pattern.length();
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = -1;
        while (s < n) {
            char pc = p < m ? pattern.charAt(p) : 0;
            if (p < m && pc != '*' && (pc == '?' || pc == value.charAt(s))) {
                p++;
                s++;
            } else if (p < m && pc == '*') {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < m && pattern.charAt(p) == '*') {
            p++;
        }
        return p == m;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
