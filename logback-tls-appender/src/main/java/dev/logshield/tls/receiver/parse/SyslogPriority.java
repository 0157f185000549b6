package dev.logshield.tls.receiver.parse;

import ch.qos.logback.classic.Level;

/**
 * The {@code <PRI>} that starts every syslog message (RFC 5424 §6.2.1, RFC 3164 §4.1.1): 1 to 3 digits without
 * leading zeros, 0 to 191, facility &times; 8 + severity. Severity becomes the Logback level (0-3 ERROR, 4 WARN,
 * 5-6 INFO, 7 DEBUG); the facility is named as in RFC 5424's table (12 {@code ntp}, 13 {@code audit}, 14
 * {@code alert}, 15 {@code clock}, the others by their usual syslog names).
 */
final class SyslogPriority {

    static final String FACILITY = "syslog.facility";
    static final String SEVERITY = "syslog.severity";

    private static final String[] FACILITIES = {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
        "local7",
    };
    private static final int MAX_PRIVAL = 191;

    final int facility;
    final int severity;

    private SyslogPriority(int prival) {
        this.facility = prival / 8;
        this.severity = prival % 8;
    }

    /** Reads {@code <PRI>} at the cursor. */
    static SyslogPriority parse(Cursor c) throws MalformedEventException {
        c.expect('<', "'<' starting PRI");
        int start = c.pos;
        int value = 0;
        while (c.peek() >= '0' && c.peek() <= '9') {
            if (c.pos - start == 3) {
                throw c.error("PRI has more than 3 digits");
            }
            if (c.pos > start && value == 0) {
                throw c.error("PRI has a leading zero");
            }
            value = value * 10 + (c.peek() - '0');
            c.pos++;
        }
        if (c.pos == start) {
            throw c.error("expected the digits of PRI");
        }
        if (value > MAX_PRIVAL) {
            throw c.error("PRI " + value + " is over " + MAX_PRIVAL);
        }
        c.expect('>', "'>' ending PRI");
        return new SyslogPriority(value);
    }

    /** Whether {@code text} starts with a {@code <PRI>} followed by VERSION {@code 1} and a space. */
    static boolean isVersion1(String text) {
        int gt = text.indexOf('>');
        return gt > 0 && gt <= 4 && text.startsWith("1 ", gt + 1);
    }

    Level level() {
        if (severity <= 3) {
            return Level.ERROR;
        }
        if (severity == 4) {
            return Level.WARN;
        }
        return severity <= 6 ? Level.INFO : Level.DEBUG;
    }

    String facilityName() {
        return FACILITIES[facility];
    }

    void addTo(EventFields fields) throws MalformedEventException {
        fields.put(FACILITY, facilityName());
        fields.put(SEVERITY, Integer.toString(severity));
    }
}
