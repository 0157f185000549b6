package dev.logshield.tls.config;

/**
 * TLS key material, trust material, pins or settings that cannot be used. The message says what is wrong and
 * what to do, names files but never passwords, and is meant to be shown to users as it is (a Logback status
 * error or warning), without the stack trace; the cause is kept only for debugging.
 */
public final class TlsConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
