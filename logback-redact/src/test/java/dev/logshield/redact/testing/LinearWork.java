package dev.logshield.redact.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Proves a scan linear by counting the characters it reads ({@link CountingText}), never by timing it: the work on a
 * text is at most {@code readsPerChar} reads per character, and at most {@value #MAX_GROWTH} times the work on the
 * same kind of text half as long (linear work doubles, quadratic work quadruples). Both figures are the same on an
 * idle machine and on a busy one.
 * <pre>
 * LinearWork.Run&lt;CharSequence&gt; run = LinearWork.assertLinear("emails", input, 16, redactor::redact);
 * assertThat(run.result()).isSameAs(run.input());
 * </pre>
 */
public final class LinearWork {

    /** The most the reads may grow when the input doubles: 2 for linear work, 4 for quadratic. */
    public static final double MAX_GROWTH = 2.5;

    private LinearWork() {
    }

    /**
     * {@link #assertLinear(String, IntFunction, int, int, Function)} with the first half of {@code text} as the
     * shorter text: for texts that repeat one pattern.
     */
    public static <R> Run<R> assertLinear(String what, String text, int readsPerChar,
                                          Function<? super CharSequence, R> work) {
        return assertLinear(what, n -> text.substring(0, n), text.length(), readsPerChar, work);
    }

    /**
     * Runs {@code work} on {@code textOfLength.apply(length / 2)}, then on {@code textOfLength.apply(length)}, each
     * wrapped in a {@link CountingText}, and asserts the bounds above. A run that reads more than twice the bound
     * fails at once.
     *
     * @return the run on the longer text: its input (the {@link CountingText}), {@code work}'s result and the reads
     */
    public static <R> Run<R> assertLinear(String what, IntFunction<String> textOfLength, int length, int readsPerChar,
                                          Function<? super CharSequence, R> work) {
        String shorter = textOfLength.apply(length / 2);
        String text = textOfLength.apply(length);
        long bound = (long) readsPerChar * text.length();
        CountingText half = new CountingText(shorter, 2L * readsPerChar * shorter.length());
        work.apply(half);
        CountingText whole = new CountingText(text, 2 * bound);
        R result = work.apply(whole);
        assertThat(whole.reads()).as("%s: characters read for %,d characters (at most %d per character)", what,
                text.length(), readsPerChar).isLessThanOrEqualTo(bound);
        double growth = whole.reads() / (double) Math.max(1, half.reads());
        assertThat(growth).as("%s: reads of %,d characters (%,d) against reads of %,d (%,d)", what, text.length(),
                whole.reads(), shorter.length(), half.reads()).isLessThanOrEqualTo(MAX_GROWTH);
        return new Run<>(whole, result, whole.reads());
    }

    /**
     * One counted run.
     *
     * @param input  the counted text handed to the work
     * @param result what the work returned for it
     * @param reads  characters it read
     */
    public record Run<R>(CharSequence input, R result, long reads) {
    }
}
