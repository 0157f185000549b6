package dev.logshield.crypto.keys;

/**
 * A key, recipient, keystore or seal state that cannot be read or used: a configuration or key problem,
 * reported as such (CLI exit code 3, a status error in Logback), never as tampering.
 */
public class KeyMaterialException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
