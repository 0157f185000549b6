package dev.logshield.redact.event;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;

/** The redactor users get by default: every built-in detector on, the built-in sensitive names, the mask action. */
final class BuiltInRedactor {

    static final Redactor REDACTOR =
            PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(), RedactionListener.NONE).redactor();

    /** What a value under a sensitive name becomes. */
    static final String SECRET_MASK = "[REDACTED:secret]";

    /** Visa test card number (Luhn-valid). */
    static final String CARD = "4111111111111111";
    static final String EMAIL = "john.doe@example.com";
    /** AWS's documented example access key id: the shape of a real one. */
    static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String PASSWORD = "hunter2";

    private BuiltInRedactor() {
    }
}
