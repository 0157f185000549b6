package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects GitHub tokens: {@code ghp_} (personal), {@code gho_} (OAuth), {@code ghu_} (user-to-server),
 * {@code ghs_} (server-to-server) and {@code ghr_} (refresh) followed by at least 36 characters of
 * {@code [A-Za-z0-9_]}, the character set GitHub publishes for these tokens, and fine-grained
 * {@code github_pat_} tokens followed by at least 22 characters of {@code [A-Za-z0-9_]} (published as 22, an
 * underscore, 59). GitHub reserves the right to lengthen tokens, so longer bodies are accepted up to a total
 * of {@value #MAX_TOKEN} characters.
 *
 * <p>GitHub App installation tokens ({@code ghs_}) also come in a stateless form, {@code ghs_APPID_JWT}: an
 * app id, an underscore and a JWT, about 520 characters of variable length with two dots. A {@code ghs_} body
 * spans two dots that join its characters, and may hold {@code -} (a JWT's base64url alphabet), up to a total
 * of {@value #MAX_STATELESS_TOKEN} characters; a body without two such dots ends at its first dot, as other
 * bodies do.
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
    /** Bound on stateless installation tokens, which GitHub describes as about 520 characters, varying. */
    static final int MAX_STATELESS_TOKEN = 1024;
    /** The dots of the JWT in a stateless installation token. */
    private static final int JWT_DOTS = 2;

    private static final PrefixedKeyScanner KEYS = new PrefixedKeyScanner(
            new KeyShape(KeyShape.Body.ALNUM_UNDERSCORE, 36, MAX_TOKEN - 4, 0, "ghp_", "gho_", "ghu_", "ghr_"),
            new KeyShape(KeyShape.Body.WORD, 36, MAX_STATELESS_TOKEN - 4, 0, JWT_DOTS, "ghs_"),
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
