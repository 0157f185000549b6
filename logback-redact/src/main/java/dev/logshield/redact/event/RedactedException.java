package dev.logshield.redact.event;

/**
 * Stands in for an exception whose messages had to be redacted, for consumers that read the {@code Throwable}
 * itself ({@code ThrowableProxy.getThrowable()}: OpenTelemetry's Logback appender, Spring Boot's structured
 * logging): its message is the redacted message, its cause and suppressed exceptions are stand-ins too, and its
 * stack trace is the original's frames. {@link #toString()} (and so {@code printStackTrace()}) shows the original
 * class name; {@code getClass().getName()} is this class's, which is what such consumers report as the exception
 * type. Creating one never walks the current thread's stack.
 */
public final class RedactedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String shownAs;

    RedactedException(String originalClassName, String redactedMessage, String redactedOverridingMessage) {
        super(redactedMessage);
        this.originalClassName = originalClassName;
        this.shownAs = redactedOverridingMessage;
    }

    /** The class name of the exception this one stands in for. */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the original's frames are set instead
    }

    @Override
    public String toString() {
        if (shownAs != null) {
            return shownAs;
        }
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
