package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;
import dev.logshield.redact.engine.TextProfile;

/**
 * Detects GitHub tokens: {@code ghp_} (personal), {@code gho_} (OAuth), {@code ghu_} (user-to-server),
 * {@code ghs_} (server-to-server) and {@code ghr_} (refresh) followed by at least 36 characters of
 * {@code [A-Za-z0-9]}, and fine-grained {@code github_pat_} tokens followed by at least 22 characters of
 * {@code [A-Za-z0-9_]} (published as 22, an underscore, 59). GitHub reserves the right to lengthen tokens,
 * so longer bodies are accepted up to a total of {@value #MAX_TOKEN} characters.
 *
 * <p>Keys must stand alone: not preceded or followed by {@code [A-Za-z0-9_-]}. The prefix is reported as a
 * known prefix, so the {@code partial} action keeps it. Selected in the redaction configuration by its
 * {@link #NAME}.
 */
public final class GithubTokenDetector implements Detector {

    /** Configuration name and mask label. */
    public static final String NAME = "github-token";

    /** GitHub documents that tokens may grow up to this length. */
    static final int MAX_TOKEN = 255;

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(TextProfile.LOWER | TextProfile.UNDERSCORE,
            new KeyShape(KeyShape.Body.ALNUM, 36, MAX_TOKEN - 4, 0, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            new KeyShape(KeyShape.Body.ALNUM_UNDERSCORE, 22, MAX_TOKEN - 11, 0, "github_pat_"));

    public GithubTokenDetector() {
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
