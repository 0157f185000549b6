package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects Stripe secret and restricted keys: {@code sk_live_}, {@code rk_live_}, {@code sk_test_} and
 * {@code rk_test_} followed by at least 16 (at most 255) characters of {@code [A-Za-z0-9]}. Publishable
 * keys ({@code pk_live_}, {@code pk_test_}) are public by design and are left alone.
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class StripeKeyDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "stripe-key";

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(
            new KeyShape(KeyShape.Body.ALNUM, 16, 255, 0, "sk_live_", "rk_live_", "sk_test_", "rk_test_"));

    public StripeKeyDetector() {
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
