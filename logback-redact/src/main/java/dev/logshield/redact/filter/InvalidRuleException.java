package dev.logshield.redact.filter;

/** A {@code <rule>} (or one of its parts) that cannot be compiled; the message says what is wrong and what to write. */
final class InvalidRuleException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidRuleException(String message) {
        super(message, null, false, false);
    }
}
