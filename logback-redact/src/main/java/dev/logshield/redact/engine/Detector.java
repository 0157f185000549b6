package dev.logshield.redact.engine;

/**
 * Finds one kind of sensitive value in a text. Implementations are immutable and thread-safe, allocate
 * nothing when they find nothing, and run in time linear in the text length whatever the input.
 *
 * <p>The engine first profiles the text ({@link TextProfile}) and calls {@link #detect} only when
 * {@link #mayMatch(long)} says a match is possible, so {@code mayMatch} must never return false for a text
 * the detector could match.
 */
public interface Detector {

    /** Stable configuration name, also the label in masks: {@code email} gives {@code [REDACTED:email]}. */
    String name();

    /** Cheap pre-check on the text's profile; false means {@link #detect} would find nothing. */
    boolean mayMatch(long profile);

    /**
     * Reports every sensitive span of {@code text} to {@code out}. Spans may overlap; the engine resolves
     * overlaps. Must not throw on any input (the engine fails closed if it does).
     */
    void detect(CharSequence text, Findings out);
}
