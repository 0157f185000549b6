package dev.logshield.tls;

/** The appender's TLS configuration cannot be used (missing or unreadable key, certificate, trust or pin). */
final class TlsSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    TlsSetupException(String message) {
        super(message);
    }
}
