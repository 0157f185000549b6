package dev.logshield.crypto.format;

/** Bytes that are not a valid LSE structure (bad magic, unknown version or suite, malformed key block). */
public final class FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }
}
