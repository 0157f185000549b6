package dev.logshield.crypto.keys;

/** A key-block stanza addressed to the reader's key failed to open: the key block was modified or is corrupt. */
public final class CorruptStanzaException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptStanzaException(String message) {
        super(message);
    }

    public CorruptStanzaException(String message, Throwable cause) {
        super(message, cause);
    }
}
