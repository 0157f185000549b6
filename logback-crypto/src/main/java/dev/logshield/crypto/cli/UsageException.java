package dev.logshield.crypto.cli;

/** A command line that cannot be run as given: exit code 2 with a one-line message, never a stack trace. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
