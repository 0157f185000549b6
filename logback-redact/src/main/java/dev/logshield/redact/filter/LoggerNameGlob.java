package dev.logshield.redact.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A logger-name pattern matched segment by segment (segments are separated by {@code .}): {@code *} is exactly
 * one segment, {@code **} any number of segments including none, anything else a literal segment. So
 * {@code com.acme.*} matches {@code com.acme.Foo} but neither {@code com.acme} nor {@code com.acme.a.Foo}, and
 * {@code com.acme.**} matches {@code com.acme} and everything under it. Case-sensitive, like logger names.
 *
 * <p>Immutable; matching allocates nothing and takes at most (name segments x pattern segments) steps: the
 * common shapes (exact name, {@code prefix.**}, {@code **}) are a single string comparison.
 */
final class LoggerNameGlob {

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte ANY = 2;

    private enum Shape { EXACT, SUBTREE, EVERYTHING, GENERAL }

    private final String text;
    private final Shape shape;
    /** EXACT: the name; SUBTREE: the prefix without {@code .**}. */
    private final String literal;
    private final String[] segments;
    private final byte[] kinds;

    private LoggerNameGlob(String text, Shape shape, String literal, String[] segments, byte[] kinds) {
        this.text = text;
        this.shape = shape;
        this.literal = literal;
        this.segments = segments;
        this.kinds = kinds;
    }

    /** Compiles {@code glob}; the exception message says what is wrong. */
    static LoggerNameGlob compile(String glob) throws InvalidRuleException {
        if (glob.isEmpty()) {
            throw new InvalidRuleException("empty logger glob; write e.g. logger=com.acme.** or logger=com.acme.Foo");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int dot = glob.indexOf('.', start);
            parts.add(dot < 0 ? glob.substring(start) : glob.substring(start, dot));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        String[] segments = parts.toArray(new String[0]);
        byte[] kinds = new byte[segments.length];
        int wildcards = 0;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                throw new InvalidRuleException("logger glob '" + glob + "' has an empty segment (a leading, trailing or"
                        + " doubled '.')");
            }
            if (s.equals("*")) {
                kinds[i] = ONE;
                wildcards++;
            } else if (s.equals("**")) {
                kinds[i] = ANY;
                wildcards++;
            } else if (s.indexOf('*') >= 0) {
                throw new InvalidRuleException("logger glob '" + glob + "': '*' and '**' must be a whole segment"
                        + " (between dots), e.g. com.acme.* or com.acme.**; '" + s + "' is not");
            }
        }
        if (wildcards == 0) {
            return new LoggerNameGlob(glob, Shape.EXACT, glob, segments, kinds);
        }
        if (segments.length == 1 && kinds[0] == ANY) {
            return new LoggerNameGlob(glob, Shape.EVERYTHING, null, segments, kinds);
        }
        int last = segments.length - 1;
        if (wildcards == 1 && kinds[last] == ANY) {
            return new LoggerNameGlob(glob, Shape.SUBTREE, glob.substring(0, glob.length() - 3), segments, kinds);
        }
        return new LoggerNameGlob(glob, Shape.GENERAL, null, segments, kinds);
    }

    boolean matches(String name) {
        if (name == null) {
            return false;
        }
        switch (shape) {
            case EXACT:
                return name.equals(literal);
            case SUBTREE:
                return name.startsWith(literal)
                        && (name.length() == literal.length() || name.charAt(literal.length()) == '.');
            case EVERYTHING:
                return true;
            default:
                return matchSegments(name);
        }
    }

    /**
     * Greedy wildcard matching over segments, backtracking only to the last {@code **} (the classic linear
     * two-pointer algorithm, with segments for characters).
     */
    private boolean matchSegments(String name) {
        final int end = name.length();
        final int n = segments.length;
        int p = 0;
        int s = 0; // start of the current name segment; end + 1 once past the last one
        int anyP = -1;
        int anyS = -1;
        while (s <= end) {
            int segEnd = segmentEnd(name, s);
            if (p < n && kinds[p] != ANY && (kinds[p] == ONE || sameSegment(name, s, segEnd, segments[p]))) {
                p++;
                s = segEnd + 1;
            } else if (p < n && kinds[p] == ANY) {
                anyP = p;
                anyS = s;
                p++;
            } else if (anyP >= 0) {
                p = anyP + 1;
                anyS = segmentEnd(name, anyS) + 1;
                s = anyS;
            } else {
                return false;
            }
        }
        while (p < n && kinds[p] == ANY) {
            p++;
        }
        return p == n;
    }

    private static int segmentEnd(String name, int from) {
        int dot = name.indexOf('.', from);
        return dot < 0 ? name.length() : dot;
    }

    private static boolean sameSegment(String name, int from, int to, String literal) {
        return to - from == literal.length() && name.regionMatches(from, literal, 0, literal.length());
    }

    @Override
    public String toString() {
        return text;
    }
}
