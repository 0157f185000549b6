package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects OpenAI API keys: {@code sk-}, {@code sk-proj-}, {@code sk-svcacct-} or {@code sk-admin-} followed
 * by at least 20 (at most 512) characters of {@code [A-Za-z0-9_-]}. Keys are random, so the body must hold a
 * digit and both upper- and lower-case letters; this keeps kebab-case names such as
 * {@code sk-learn-pipeline-v2} out. Stripe keys ({@code sk_}) use an underscore and never match.
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class OpenAiKeyDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "openai-key";

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(
            new KeyShape(KeyShape.Body.WORD, 20, 512, KeyShape.NEED_DIGIT | KeyShape.NEED_MIXED_CASE,
                    "sk-", "sk-proj-", "sk-svcacct-", "sk-admin-"));

    public OpenAiKeyDetector() {
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
