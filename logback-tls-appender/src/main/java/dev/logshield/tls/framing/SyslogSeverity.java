package dev.logshield.tls.framing;

import ch.qos.logback.classic.Level;

/** RFC 5424 §6.2.1 severity of a Logback level: ERROR 3, WARN 4, INFO 6, DEBUG and TRACE 7. */
final class SyslogSeverity {

    static final int ERROR = 3;
    static final int WARNING = 4;
    static final int INFORMATIONAL = 6;
    static final int DEBUG = 7;

    private SyslogSeverity() {
    }

    static int of(Level level) {
        int value = level == null ? Level.DEBUG_INT : level.toInt();
        if (value >= Level.ERROR_INT) {
            return ERROR;
        }
        if (value >= Level.WARN_INT) {
            return WARNING;
        }
        if (value >= Level.INFO_INT) {
            return INFORMATIONAL;
        }
        return DEBUG;
    }
}
