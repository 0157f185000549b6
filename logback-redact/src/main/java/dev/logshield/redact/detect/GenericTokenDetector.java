package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects application tokens with a conventional prefix: {@code tok-}, {@code tok_}, {@code api-} or
 * {@code api_} followed by 12 to 128 characters of {@code [A-Za-z0-9]}. Identifiers such as
 * {@code api_version_handler} or {@code tok_count} share the prefixes, so the body must look random: it
 * holds at least one digit and one letter and no run of seven or more lower-case letters (a word).
 * Snake- and kebab-case identifiers are excluded anyway, as the body stops at {@code _}/{@code -} and a
 * key must end at a token end.
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class GenericTokenDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "generic-token";

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(
            new KeyShape(KeyShape.Body.ALNUM, 12, 128, KeyShape.NEED_DIGIT | KeyShape.NEED_LETTER | KeyShape.NO_WORDS,
                    "tok-", "tok_", "api-", "api_"));

    public GenericTokenDetector() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triggers triggers() {
        return KEYS.triggers();
    }

    @Override
    public java.util.List<String> knownPrefixes() {
        return KEYS.prefixes();
    }

    @Override
    public int validate(CharSequence text, int at, Findings out) {
        return KEYS.validate(text, at, out);
    }
}
