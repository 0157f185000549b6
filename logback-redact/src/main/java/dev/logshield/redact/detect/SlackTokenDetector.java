package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects Slack tokens: {@code xoxb-} (bot), {@code xoxp-} (user), {@code xoxa-} (workspace app access),
 * {@code xoxr-} (workspace app refresh), {@code xoxs-}, {@code xoxe-} (refresh), {@code xoxe.xoxp-} and
 * {@code xoxe.xoxb-} (configuration and rotating access tokens) and {@code xapp-} (app-level), followed by
 * characters of {@code [A-Za-z0-9-]} (Slack prepares for up to 255 in a token): at least 20 holding a digit,
 * as the numeric workspace and user ids in every Slack token do, or at least 8 starting with a numeric field,
 * as Slack's own short examples do ({@code xoxe-1-...}, {@code xoxa-2-...}, {@code xoxp-12345-...}).
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class SlackTokenDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "slack-token";

    private static final String[] PREFIXES = {
        "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe.xoxp-", "xoxe.xoxb-", "xapp-"};

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(
            new KeyShape(KeyShape.Body.ALNUM_DASH, 20, 255, KeyShape.NEED_DIGIT, PREFIXES),
            new KeyShape(KeyShape.Body.ALNUM_DASH, 8, 255, KeyShape.NUMBERED_FIELD, PREFIXES));

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
