package dev.logshield.redact.policy;

/**
 * A redaction policy, or one piece of it (a compact detector setting, a hash key), is unusable. The message
 * says what is wrong and, where possible, how to fix it; callers in the Logback layer turn it into a status
 * error rather than letting it reach the application.
 */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
