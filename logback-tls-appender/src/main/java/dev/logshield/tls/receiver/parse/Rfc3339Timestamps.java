package dev.logshield.tls.receiver.parse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * RFC 5424 §6.2.3 TIMESTAMP, an RFC 3339 date-time: {@code 2003-10-11T22:14:15.003Z},
 * {@code 2003-08-24T05:14:15.000003-07:00}. Exactly that: upper-case {@code T} and {@code Z}, 1 to 6 fraction
 * digits, a real calendar day, hours 00-23, minutes and seconds 00-59 (RFC 5424 forbids leap seconds), an offset
 * of hh:mm. Checked character by character, so a hostile token costs nothing to reject.
 */
final class Rfc3339Timestamps {

    /** The longest valid token: {@code 2003-08-24T05:14:15.000003-07:00}. */
    static final int MAX_LENGTH = 32;

    private static final long SECONDS_PER_DAY = 86_400;

    private Rfc3339Timestamps() {
    }

    /** The instant {@code s} denotes, or null when it is not an RFC 5424 TIMESTAMP. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > MAX_LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 6 && isDigit(s.charAt(i))) {
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z') {
            if (i + 1 != n) {
                return null;
            }
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long local = LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L
                + second;
        return Instant.ofEpochSecond(local - offsetSeconds, nanos);
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1 if any is not a digit. */
    static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
