package dev.logshield.redact.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles a custom rule's regular expression with RE2J and refuses what would be unsafe or useless on a
 * logging thread: syntax RE2 cannot run in linear time (backreferences, lookaround, atomic groups,
 * possessive quantifiers), patterns that match the empty string, and programs too large to run on every line.
 * Messages name the rule and say what to change.
 */
final class RulePatternCompiler {

    /** Longest accepted pattern, in characters. */
    static final int MAX_PATTERN_LENGTH = 4096;
    /** Largest accepted compiled program (RE2 instructions); the per-character cost grows with it. */
    static final int MAX_PROGRAM_SIZE = 10_000;

    private static final String RE2_SYNTAX = "https://github.com/google/re2/wiki/Syntax";
    /**
     * An empty match consumes nothing, so whether it happens depends only on its context: start or end of the
     * text, of a line, and whether a word character is on either side. These texts contain every context.
     */
    private static final String[] EMPTY_MATCH_PROBES = {
        "", "a", "-", "\n", "aa", "a-", "a\n", "-a", "--", "-\n", "\na", "\n-", "\n\n", " 0_Z. "
    };

    private RulePatternCompiler() {
    }

    /** @throws IllegalArgumentException naming {@code rule} when the pattern is refused */
    static Pattern compile(String rule, String regex, boolean caseInsensitive) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("rule '" + rule + "': pattern is " + regex.length()
                    + " characters long; at most " + MAX_PATTERN_LENGTH + " are allowed");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule '" + rule + "': pattern " + regex
                    + " is not a valid RE2 (linear-time) regular expression: " + e.getDescription()
                    + unsupportedHint(regex) + "; see " + RE2_SYNTAX);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("rule '" + rule + "': pattern is nested too deeply");
        }
        if (pattern.programSize() > MAX_PROGRAM_SIZE) {
            throw new IllegalArgumentException("rule '" + rule + "': pattern compiles to " + pattern.programSize()
                    + " instructions, more than the " + MAX_PROGRAM_SIZE + " allowed; reduce large repetition counts"
                    + " such as {1000}");
        }
        for (String probe : EMPTY_MATCH_PROBES) {
            Matcher m = pattern.matcher(probe);
            while (m.find()) {
                if (m.start() == m.end()) {
                    throw new IllegalArgumentException("rule '" + rule + "': pattern " + regex
                            + " can match the empty string, so it would match everywhere; make it require at "
                            + "least one character (e.g. '+' instead of '*')");
                }
            }
        }
        return pattern;
    }

    private static String unsupportedHint(String regex) {
        if (regex.matches("(?s).*\\\\[1-9].*") || regex.contains("\\k<")) {
            return " (backreferences such as \\1 need backtracking and are not supported)";
        }
        if (regex.contains("(?=") || regex.contains("(?!") || regex.contains("(?<=") || regex.contains("(?<!")) {
            return " (lookahead and lookbehind need backtracking and are not supported)";
        }
        if (regex.contains("(?>")) {
            return " (atomic groups are not supported; RE2 never backtracks, so they are not needed)";
        }
        if (regex.contains("++") || regex.contains("*+") || regex.contains("?+") || regex.contains("}+")) {
            return " (possessive quantifiers are not supported; RE2 never backtracks, so plain ones are as safe)";
        }
        return "";
    }
}
