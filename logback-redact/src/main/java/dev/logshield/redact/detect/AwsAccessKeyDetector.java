package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects AWS access key ids: {@code AKIA} (long-term), {@code ASIA} (temporary, STS), {@code ABIA} or
 * {@code ACCA} followed by exactly 16 characters of the base32 alphabet {@code [A-Z2-7]}, 20 in all.
 * Secret access keys have no recognisable shape; they are caught by their key name
 * ({@link SecretKeyValueDetector}).
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class AwsAccessKeyDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "aws-access-key";

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(
            new KeyShape(KeyShape.Body.UPPER_BASE32, 16, 16, 0, "AKIA", "ASIA", "ABIA", "ACCA"));

    public AwsAccessKeyDetector() {
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
