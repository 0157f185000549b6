package dev.logshield.tls.framing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * RFC 5424 §6.2.3 TIMESTAMP (RFC 3339 with microseconds): {@code 2026-11-25T10:11:12.123456Z} in UTC,
 * {@code 2026-11-25T11:11:12.123456+01:00} elsewhere ({@code Z} whenever the offset is zero). Written digit by
 * digit into the caller's builder; immutable and thread-safe.
 */
final class Rfc3339Timestamp {

    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneRules rules;

    Rfc3339Timestamp(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Appends the timestamp of {@code instant}, or the NILVALUE {@code -} for a year outside 0000-9999. */
    void append(StringBuilder sb, Instant instant) {
        int offset = rules.getOffset(instant).getTotalSeconds();
        long local = instant.getEpochSecond() + offset;
        long days = Math.floorDiv(local, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);

        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian like java.time)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            sb.append('-');
            return;
        }
        digits(sb, (int) year, 4);
        sb.append('-');
        digits(sb, month, 2);
        sb.append('-');
        digits(sb, day, 2);
        sb.append('T');
        digits(sb, secondOfDay / 3600, 2);
        sb.append(':');
        digits(sb, secondOfDay / 60 % 60, 2);
        sb.append(':');
        digits(sb, secondOfDay % 60, 2);
        sb.append('.');
        digits(sb, instant.getNano() / 1_000, 6);
        if (offset == 0) {
            sb.append('Z');
        } else {
            sb.append(offset < 0 ? '-' : '+');
            int minutes = Math.abs(offset) / 60; // RFC 3339 offsets have no seconds (only pre-1900 zones had any)
            digits(sb, minutes / 60, 2);
            sb.append(':');
            digits(sb, minutes % 60, 2);
        }
    }

    private static void digits(StringBuilder sb, int value, int width) {
        for (int unit = pow10(width - 1); unit > 0; unit /= 10) {
            sb.append((char) ('0' + value / unit % 10));
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
