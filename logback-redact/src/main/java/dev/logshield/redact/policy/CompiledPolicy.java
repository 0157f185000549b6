package dev.logshield.redact.policy;

import dev.logshield.redact.engine.Redactor;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PolicyCompiler} produced: a ready {@link Redactor} built from everything that was valid, the
 * errors (parts of the policy that could not be applied: unknown detector, bad pattern) and warnings (parts
 * applied in a degraded way: hash falling back to mask). The Logback layer reports both as status messages.
 */
public record CompiledPolicy(Redactor redactor, List<String> errors, List<String> warnings) {

    public CompiledPolicy {
        Objects.requireNonNull(redactor, "redactor");
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** True when nothing had to be skipped. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
