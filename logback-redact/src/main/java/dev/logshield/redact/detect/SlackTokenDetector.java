package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;
import dev.logshield.redact.engine.TextProfile;

/**
 * Detects Slack tokens: {@code xoxb-} (bot), {@code xoxp-} (user), {@code xoxa-}, {@code xoxr-},
 * {@code xoxs-} and {@code xoxe-} followed by at least 20 (at most 255) characters of {@code [A-Za-z0-9-]}
 * holding a digit, as the numeric workspace and user ids in every Slack token do.
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class SlackTokenDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "slack-token";

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(TextProfile.LOWER | TextProfile.DASH | TextProfile.DIGIT,
            new KeyShape(KeyShape.Body.ALNUM_DASH, 20, 255, KeyShape.NEED_DIGIT,
                    "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"));

    public SlackTokenDetector() {
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
