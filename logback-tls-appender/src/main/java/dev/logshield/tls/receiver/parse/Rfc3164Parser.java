package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.receiver.frames.DropReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Parses the traditional BSD syslog format (RFC 3164), which many devices and rsyslog's default forwarding
 * template still send: {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG}, e.g.
 * <pre>{@code <34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8}</pre>
 * Lenient, as RFC 3164 §4.3 asks of a receiver, but every step bounded:
 * <ul>
 * <li>PRI as in RFC 5424 (0 to 191, 1 to 3 digits); a payload without a valid PRI is
 * {@link DropReason#UNPARSABLE_SYSLOG}.</li>
 * <li>TIMESTAMP {@code Mmm dd hh:mm:ss} (day space-padded or two digits, month name in any case), or an RFC 3339
 * date-time (rsyslog's {@code RSYSLOG_ForwardFormat}). The BSD form has no year and no zone: it is read as UTC, in
 * the latest of the next, the current and the previous year that does not put it more than a day in the future
 * (a day covers senders writing local time up to 14 hours ahead of UTC, and clock skew): a December message read
 * on 1 January keeps its year, a 1 January message read a little before midnight on 31 December gets the next.
 * Without a valid timestamp (or on 29 February with no leap year among those three), everything after PRI is MSG
 * and the receiver uses the time of receipt.</li>
 * <li>HOSTNAME: the next word (1 to 255 printable US-ASCII characters) unless it already looks like a TAG (ends in
 * {@code :} or has a {@code [PID]}), as senders that omit the hostname write.</li>
 * <li>TAG: 1 to 48 printable US-ASCII characters except {@code :}, {@code [} and {@code ]}, then either
 * {@code [PID]} (1 to 128 characters) with an optional {@code :}, or {@code :}; one space after it is skipped. A
 * word not ending like that is not a TAG: it starts MSG.</li>
 * </ul>
 * The event: level from the severity (0-3 ERROR, 4 WARN, 5-6 INFO, 7 DEBUG); logger the TAG, else {@code syslog};
 * fields {@code syslog.facility}, {@code syslog.severity}, {@code syslog.hostname}, {@code syslog.appname} (the
 * TAG) and {@code syslog.procid} (those present); message MSG without one leading BOM and trailing CR/LF.
 *
 * <p>Immutable and thread-safe. Selected by the receiver's {@code <format>syslog</format>} or {@code auto} for
 * messages whose VERSION is not 1.
 */
public final class Rfc3164Parser implements EventParser {

    static final int MAX_HOSTNAME = 255;
    static final int MAX_TAG = 48;
    static final int MAX_PID = 128;

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    };
    private static final int BSD_TIMESTAMP_LENGTH = 15;
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final Clock clock;

    /** Resolves the year of BSD timestamps against the system clock. */
    public Rfc3164Parser() {
        this(Clock.systemUTC());
    }

    /** Resolves the year of BSD timestamps against {@code clock}. */
    Rfc3164Parser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException {
        return parse(Utf8Text.decode(payload, offset, length));
    }

    ParsedEvent parse(String text) throws MalformedEventException {
        Cursor c = new Cursor(text, DropReason.UNPARSABLE_SYSLOG);
        SyslogPriority priority = SyslogPriority.parse(c);
        EventFields fields = new EventFields(DropReason.UNPARSABLE_SYSLOG);
        priority.addTo(fields);

        int pos = c.pos;
        Instant timestamp = bsdTimestamp(text, pos);
        int afterTimestamp = pos + BSD_TIMESTAMP_LENGTH;
        if (timestamp == null) {
            int end = wordEnd(text, pos, Rfc3339Timestamps.MAX_LENGTH);
            timestamp = end < 0 ? null : Rfc3339Timestamps.parse(text.substring(pos, end));
            afterTimestamp = end;
        }
        String tag = null;
        if (timestamp != null && afterTimestamp < text.length() && text.charAt(afterTimestamp) == ' ') {
            pos = afterTimestamp + 1;
            int hostEnd = wordEnd(text, pos, MAX_HOSTNAME);
            if (hostEnd > pos && hostEnd < text.length() && text.charAt(hostEnd) == ' '
                    && !looksLikeTag(text, pos, hostEnd)) {
                fields.put(Rfc5424Parser.HOSTNAME, text.substring(pos, hostEnd));
                pos = hostEnd + 1;
            }
            int afterTag = tag(text, pos, fields);
            if (afterTag >= 0) {
                tag = fields.get(Rfc5424Parser.APP_NAME);
                pos = afterTag;
            }
        } else {
            timestamp = null;
        }
        return new ParsedEvent(timestamp, priority.level(), tag != null ? tag : Rfc5424Parser.DEFAULT_LOGGER, null,
                Utf8Text.message(text, pos), fields.asMap(), null);
    }

    /** {@code Mmm dd hh:mm:ss} at {@code pos} in the latest year not over a day ahead; null when there is none. */
    private Instant bsdTimestamp(String text, int pos) {
        if (text.length() - pos < BSD_TIMESTAMP_LENGTH || text.charAt(pos + 3) != ' ' || text.charAt(pos + 6) != ' '
                || text.charAt(pos + 9) != ':' || text.charAt(pos + 12) != ':') {
            return null;
        }
        int month = month(text.substring(pos, pos + 3));
        int day = text.charAt(pos + 4) == ' ' ? Rfc3339Timestamps.digits(text, pos + 5, 1)
                : Rfc3339Timestamps.digits(text, pos + 4, 2);
        int hour = Rfc3339Timestamps.digits(text, pos + 7, 2);
        int minute = Rfc3339Timestamps.digits(text, pos + 10, 2);
        int second = Rfc3339Timestamps.digits(text, pos + 13, 2);
        if (month < 1 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        Instant now = clock.instant();
        Instant latest = now.plus(FUTURE_TOLERANCE);
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        for (int y = year + 1; y >= year - 1; y--) {
            if (day > LocalDate.of(y, month, 1).lengthOfMonth()) {
                continue;
            }
            Instant candidate = LocalDate.of(y, month, day).atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
            if (!candidate.isAfter(latest)) {
                return candidate;
            }
        }
        return null;
    }

    private static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(lower)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Reads {@code TAG[PID]:}, {@code TAG[PID]} or {@code TAG:} at {@code pos} (plus one following space) into
     * {@code fields}.
     *
     * @return the position after it, or -1 when there is no TAG there
     */
    private static int tag(String text, int pos, EventFields fields) throws MalformedEventException {
        int after = tagFormEnd(text, pos);
        if (after < 0) {
            return -1;
        }
        int end = tagEnd(text, pos);
        fields.put(Rfc5424Parser.APP_NAME, text.substring(pos, end));
        if (text.charAt(end) == '[') {
            fields.put(Rfc5424Parser.PROC_ID, text.substring(end + 1, pidClose(text, end)));
        }
        if (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return after;
    }

    /** The position just after {@code TAG[PID]:}, {@code TAG[PID]} or {@code TAG:} at {@code pos}, or -1. */
    private static int tagFormEnd(String text, int pos) {
        int end = tagEnd(text, pos);
        if (end < 0) {
            return -1;
        }
        if (text.charAt(end) == ':') {
            return end + 1;
        }
        int close = pidClose(text, end);
        if (close < 0) {
            return -1;
        }
        int after = close + 1;
        return after < text.length() && text.charAt(after) == ':' ? after + 1 : after;
    }

    /** The position of the {@code [} or {@code :} ending a TAG at {@code pos}, or -1. */
    private static int tagEnd(String text, int pos) {
        int i = pos;
        while (i < text.length() && i - pos <= MAX_TAG && isTagChar(text.charAt(i))) {
            i++;
        }
        int length = i - pos;
        if (length < 1 || length > MAX_TAG || i >= text.length()) {
            return -1;
        }
        char c = text.charAt(i);
        return c == '[' || c == ':' ? i : -1;
    }

    /** The position of the {@code ]} closing a PID of 1 to 128 characters opened at {@code open}, or -1. */
    private static int pidClose(String text, int open) {
        int close = open + 1;
        while (close < text.length() && close - open - 1 <= MAX_PID && isPidChar(text.charAt(close))) {
            close++;
        }
        int length = close - open - 1;
        if (close >= text.length() || text.charAt(close) != ']' || length < 1 || length > MAX_PID) {
            return -1;
        }
        return close;
    }

    /** Whether the word {@code [from, to)} is a whole TAG form rather than a hostname. */
    private static boolean looksLikeTag(String text, int from, int to) {
        return tagFormEnd(text, from) == to;
    }

    /** The end of the printable word at {@code pos} of at most {@code max} characters, or -1. */
    private static int wordEnd(String text, int pos, int max) {
        int i = pos;
        while (i < text.length() && text.charAt(i) != ' ') {
            char c = text.charAt(i);
            if (c < 33 || c > 126 || i - pos == max) {
                return -1;
            }
            i++;
        }
        return i == pos ? -1 : i;
    }

    private static boolean isTagChar(char c) {
        return c >= 33 && c <= 126 && c != ':' && c != '[' && c != ']';
    }

    private static boolean isPidChar(char c) {
        return c >= 33 && c <= 126 && c != ']';
    }
}
