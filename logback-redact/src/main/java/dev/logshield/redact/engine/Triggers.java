package dev.logshield.redact.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a text a {@link Detector} wants to look: the candidates the engine's single pass
 * ({@link CandidateScanner}) hands it. A detector is never called on a text in which none of its triggers occurs.
 *
 * <ul>
 *   <li>{@link Builder#chars(String)}: every occurrence of one of these ASCII characters ({@code @}, {@code =}...);
 *       found with {@link String#indexOf(int, int)}, which the JVM vectorises;</li>
 *   <li>{@link Builder#literals(String...)}: every occurrence of one of these literals (a provider prefix such as
 *       {@code ghp_} or {@code AKIA}), found through its first punctuation (or first character) and a table of that
 *       character's neighbours; the detector is called at the literal's first character;</li>
 *   <li>{@link Builder#digitRuns(int, int)}: the first digit of every run of ASCII digits, not glued to a letter or
 *       digit, that may begin a number of at least {@code minDigits} digits within {@code span} characters (a card
 *       number, a social security number); texts are read eight characters at a time to count digits, so sparse
 *       digits cost no call;</li>
 *   <li>{@link Builder#capitalsBeforeDigits()}: two ASCII capitals directly followed by two digits (an IBAN's country
 *       code and check digits); the detector is called at the first capital;</li>
 *   <li>{@link #WHOLE_TEXT}: once per text, at 0, for a detector that runs its own search (a user's regular
 *       expression).</li>
 * </ul>
 * The triggers are a superset: the detector still checks its own boundaries and shape at the candidate. A detector
 * takes digit triggers or character and literal triggers, not both. Immutable.
 * <pre>{@code
 * Triggers.builder().chars("@").build();                      // e-mail
 * Triggers.builder().literals("ghp_", "github_pat_").build(); // provider prefixes
 * Triggers.builder().digitRuns(13, 25).build();               // card numbers
 * }</pre>
 */
public final class Triggers {

    /** Once per text at index 0: the detector searches the text itself. */
    public static final Triggers WHOLE_TEXT = new Triggers("", List.of(), 0, 0, false, true);

    private final String chars;
    private final List<String> literals;
    private final int minDigits;
    private final int digitSpan;
    private final boolean capitalsBeforeDigits;
    private final boolean wholeText;

    private Triggers(String chars, List<String> literals, int minDigits, int digitSpan, boolean capitalsBeforeDigits,
                     boolean wholeText) {
        this.chars = chars;
        this.literals = List.copyOf(literals);
        this.minDigits = minDigits;
        this.digitSpan = digitSpan;
        this.capitalsBeforeDigits = capitalsBeforeDigits;
        this.wholeText = wholeText;
    }

    public static Builder builder() {
        return new Builder();
    }

    String chars() {
        return chars;
    }

    List<String> literals() {
        return literals;
    }

    /** Digits a number triggered by {@link Builder#digitRuns} holds at least; 0 when there is no such trigger. */
    int minDigits() {
        return minDigits;
    }

    int digitSpan() {
        return digitSpan;
    }

    boolean capitalsBeforeDigits() {
        return capitalsBeforeDigits;
    }

    boolean wholeText() {
        return wholeText;
    }

    /**
     * The character a literal is found by: its first character that is neither a letter nor a digit ({@code _} in
     * {@code ghp_}, {@code -} in {@code sk-}), which is rare in text, or its first character when it has none
     * ({@code A} in {@code AKIA}).
     */
    static int anchorIndex(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return i;
            }
        }
        return 0;
    }

    /** Collects triggers; {@link #build()} freezes them. */
    public static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private final List<String> literals = new ArrayList<>();
        private int minDigits;
        private int digitSpan;
        private boolean capitalsBeforeDigits;

        private Builder() {
        }

        /** Every occurrence of each of {@code ascii}'s characters. */
        public Builder chars(String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                char c = ascii.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("a character trigger must be ASCII, got '" + c + "'");
                }
                if (chars.indexOf(String.valueOf(c)) < 0) {
                    chars.append(c);
                }
            }
            return this;
        }

        /** Every occurrence of each literal (ASCII, case-sensitive, at least two characters). */
        public Builder literals(String... ascii) {
            for (String literal : ascii) {
                if (literal.length() < 2 || !literal.chars().allMatch(c -> c >= ' ' && c < 127)) {
                    throw new IllegalArgumentException("a literal trigger must be two or more printable ASCII characters, got '"
                            + literal + "'");
                }
                if (!literals.contains(literal)) {
                    literals.add(literal);
                }
            }
            return this;
        }

        /**
         * The first digit of every run of digits that stands alone (no ASCII letter or digit right before it) and from
         * which {@code span} characters may hold {@code minDigits} digits or more.
         */
        public Builder digitRuns(int minDigits, int span) {
            if (minDigits < 1 || span < minDigits || span > CandidateScanner.MAX_DIGIT_SPAN) {
                throw new IllegalArgumentException("digit runs need 1 <= minDigits <= span <= "
                        + CandidateScanner.MAX_DIGIT_SPAN + ", got " + minDigits + " in " + span);
            }
            this.minDigits = minDigits;
            this.digitSpan = span;
            return this;
        }

        /** Two ASCII capitals directly followed by two ASCII digits; called at the first capital. */
        public Builder capitalsBeforeDigits() {
            this.capitalsBeforeDigits = true;
            return this;
        }

        public Triggers build() {
            boolean text = chars.length() > 0 || !literals.isEmpty();
            boolean digits = minDigits > 0 || capitalsBeforeDigits;
            if (minDigits > 0 && capitalsBeforeDigits) {
                throw new IllegalArgumentException("a detector takes digit runs or capitals before digits, not both");
            }
            if (text == digits) {
                throw new IllegalArgumentException(text ? "a detector takes digit triggers or character and literal triggers, not both"
                        : "no trigger given");
            }
            return new Triggers(chars.toString(), literals, minDigits, digitSpan, capitalsBeforeDigits, false);
        }
    }
}
