package dev.logshield.redact.policy;

import dev.logshield.redact.engine.Action;
import java.util.List;
import java.util.Objects;

/**
 * A user-defined redaction rule: an RE2 regular expression (linear-time, see {@link CustomPatternDetector}),
 * optional keywords that must occur near a match, and the action for what it finds. The name labels the
 * mask ({@code [REDACTED:order-id]}) and must not be a built-in detector name.
 *
 * <p>Only the shape is checked here (name syntax, non-empty pattern); the pattern itself is compiled, and
 * rejected with a clear error, by {@link PolicyCompiler}. A null action means {@link Action#MASK}; null
 * keywords mean none.
 *
 * <p>In a policy file:
 * <pre>{@code
 * rules:
 *   - name: order-id
 *     pattern: 'ORD-[0-9]{8}'
 *     keywords: [ORD-]
 *     action: hash
 * }</pre>
 */
public record CustomRule(String name, String pattern, List<String> keywords, Action action, boolean caseInsensitive) {

    public CustomRule {
        DetectorSetting.checkName(name, "rule");
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' has an empty pattern");
        }
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        action = action == null ? Action.MASK : action;
    }

    /** A rule without keywords that masks, case-sensitive. */
    public CustomRule(String name, String pattern) {
        this(name, pattern, List.of(), Action.MASK, false);
    }
}
