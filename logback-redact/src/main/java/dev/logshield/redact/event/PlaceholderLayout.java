package dev.logshield.redact.event;

import java.util.Arrays;

/**
 * Where each placeholder argument of a message sits in its formatted text, found by walking the template the way
 * SLF4J's {@code MessageFormatter} fills it ({@code {}} placeholders, {@code \{}} escaped, {@code \\{}} an escaped
 * backslash before a placeholder) and checking every piece against the formatted text. A layout that does not
 * reproduce the formatted text exactly is not trusted ({@link #locate} answers null).
 */
final class PlaceholderLayout {

    private static final String DELIMITER = "{}";

    final int[] starts;
    final int[] ends;

    private PlaceholderLayout(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** How many of {@code argumentCount} arguments the template's placeholders consume. Allocates nothing. */
    static int consumed(String template, int argumentCount) {
        if (template == null) {
            return 0;
        }
        int used = 0;
        int i = 0;
        while (used < argumentCount) {
            int j = template.indexOf(DELIMITER, i);
            if (j < 0) {
                break;
            }
            if (escaped(template, j) && !doubleEscaped(template, j)) {
                i = j + 1;
                continue;
            }
            used++;
            i = j + 2;
        }
        return used;
    }

    /**
     * The span of every consumed argument in {@code formatted} (unconsumed ones get -1), or null when the template
     * and arguments do not reproduce {@code formatted}.
     */
    static PlaceholderLayout locate(String template, Object[] args, String formatted) {
        if (template == null || formatted == null) {
            return null;
        }
        int[] starts = new int[args.length];
        int[] ends = new int[args.length];
        Arrays.fill(starts, -1);
        Arrays.fill(ends, -1);
        int pos = 0;
        int i = 0;
        int arg = 0;
        while (arg < args.length) {
            int j = template.indexOf(DELIMITER, i);
            if (j < 0) {
                break;
            }
            if (escaped(template, j)) {
                if (!doubleEscaped(template, j)) {
                    // "\{}" prints "{" and the scan goes on after it
                    if (!formatted.regionMatches(pos, template, i, j - 1 - i)) {
                        return null;
                    }
                    pos += j - 1 - i;
                    if (pos >= formatted.length() || formatted.charAt(pos) != '{') {
                        return null;
                    }
                    pos++;
                    i = j + 1;
                    continue;
                }
                // "\\{}" prints one backslash, then the argument
                if (!formatted.regionMatches(pos, template, i, j - 1 - i)) {
                    return null;
                }
                pos += j - 1 - i;
            } else {
                if (!formatted.regionMatches(pos, template, i, j - i)) {
                    return null;
                }
                pos += j - i;
            }
            String text = rendered(args[arg]);
            if (!formatted.startsWith(text, pos)) {
                return null;
            }
            starts[arg] = pos;
            ends[arg] = pos + text.length();
            pos += text.length();
            arg++;
            i = j + 2;
        }
        int rest = template.length() - i;
        if (pos + rest != formatted.length() || !formatted.regionMatches(pos, template, i, rest)) {
            return null;
        }
        return new PlaceholderLayout(starts, ends);
    }

    /** An argument as SLF4J renders it into a message. */
    static String rendered(Object arg) {
        if (arg == null) {
            return "null";
        }
        if (!arg.getClass().isArray()) {
            try {
                return arg.toString();
            } catch (RuntimeException e) {
                return "[FAILED toString()]";
            }
        }
        if (arg instanceof Object[] objects) {
            return Arrays.deepToString(objects);
        }
        if (arg instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (arg instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (arg instanceof byte[] a) {
            return Arrays.toString(a);
        }
        if (arg instanceof short[] a) {
            return Arrays.toString(a);
        }
        if (arg instanceof char[] a) {
            return Arrays.toString(a);
        }
        if (arg instanceof boolean[] a) {
            return Arrays.toString(a);
        }
        if (arg instanceof float[] a) {
            return Arrays.toString(a);
        }
        return Arrays.toString((double[]) arg);
    }

    private static boolean escaped(String template, int delimiter) {
        return delimiter > 0 && template.charAt(delimiter - 1) == '\\';
    }

    private static boolean doubleEscaped(String template, int delimiter) {
        return delimiter > 1 && template.charAt(delimiter - 2) == '\\';
    }
}
