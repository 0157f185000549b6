package dev.logshield.redact.engine;

/**
 * Validates candidates for one kind of sensitive value. The engine reads a text once ({@link CandidateScanner}) and
 * calls {@link #validate} at each place one of the detector's {@link #triggers()} occurs; the detector checks the
 * candidate there (its boundaries, shape, checksum) and reports what is sensitive. Implementations are immutable and
 * thread-safe, allocate nothing when they find nothing, and keep the total work linear in the text length whatever
 * the input: a validation reads a bounded stretch, or returns an index past everything it read so that the
 * candidates inside are not examined again.
 */
public interface Detector {

    /** Stable configuration name, also the label in masks: {@code email} gives {@code [REDACTED:email]}. */
    String name();

    /** Where this detector wants to be called; never empty. */
    Triggers triggers();

    /**
     * Examines the candidate at {@code at} (where a trigger occurred; 0 for {@link Triggers#WHOLE_TEXT}) and reports
     * every sensitive span it finds to {@code out}. Spans may overlap, and may start before {@code at} (an e-mail's
     * local part before its {@code @}); the engine resolves overlaps. Returns the index before which this detector
     * wants no further candidate: anything at or below {@code at} means the next one. Must not throw on any input
     * (the engine fails closed if it does).
     */
    int validate(CharSequence text, int at, Findings out);

    /**
     * The public prefixes this detector reports as known ({@link Findings#add(int, int, int)}), such as {@code ghp_}: a
     * partial mask keeps them, and the engine recognises such a mask when it meets it again.
     */
    default java.util.List<String> knownPrefixes() {
        return java.util.List.of();
    }
}
