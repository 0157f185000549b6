package dev.logshield.tls.framing;

import java.util.Locale;
import java.util.StringJoiner;

/** The RFC 5424 §6.2.1 facilities an application may log as, by their conventional syslog names. */
enum SyslogFacility {
    KERN(0), USER(1), MAIL(2), DAEMON(3), AUTH(4), SYSLOG(5), LPR(6), NEWS(7), UUCP(8), CRON(9), AUTHPRIV(10),
    FTP(11), LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21), LOCAL6(22), LOCAL7(23);

    final int code;

    SyslogFacility(int code) {
        this.code = code;
    }

    /** The facility called {@code name} (case-insensitive), or null. */
    static SyslogFacility parse(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (SyslogFacility f : values()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        return null;
    }

    static String names() {
        StringJoiner names = new StringJoiner(", ");
        for (SyslogFacility f : values()) {
            names.add(f.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }
}
