package dev.logshield.crypto.cli;

/** A command that cannot do what was asked for a reason it explains (exit code 1, one message, no stack trace). */
final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }
}
