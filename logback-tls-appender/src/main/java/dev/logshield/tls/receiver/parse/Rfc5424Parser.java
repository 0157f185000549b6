package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.framing.Rfc5424Encoder;
import dev.logshield.tls.receiver.frames.DropReason;
import java.time.Instant;

/**
 * Parses RFC 5424 syslog messages, exactly as §6 defines them:
 * <pre>{@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [SP MSG]}</pre>
 * <pre>{@code <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] hi}</pre>
 * <ul>
 * <li>PRI 0 to 191 (see {@code SyslogPriority}); VERSION 1; TIMESTAMP an RFC 3339 date-time or {@code -}.</li>
 * <li>HOSTNAME, APP-NAME, PROCID, MSGID: 1 to 255, 48, 128 and 32 printable US-ASCII characters, or the NILVALUE
 * {@code -}.</li>
 * <li>STRUCTURED-DATA: {@code -} or elements, see {@code StructuredDataParser}; then the end, or SP and MSG.</li>
 * </ul>
 * The event: level from the severity (0-3 ERROR, 4 WARN, 5-6 INFO, 7 DEBUG); logger MSGID, else APP-NAME, else
 * {@code syslog}; fields {@code syslog.facility} (its name, e.g. {@code local4}), {@code syslog.severity} (its
 * number), {@code syslog.hostname}, {@code syslog.appname}, {@code syslog.procid}, {@code syslog.msgid} (those not
 * {@code -}), then the parameters of {@value #MDC_SD_ID} (the MDC our {@link Rfc5424Encoder} writes) under their
 * names and those of other elements as {@code <SD-ID>.<PARAM-NAME>}; thread name the {@code thread} parameter of
 * {@value #MDC_SD_ID}; message MSG without one leading BOM and without trailing CR/LF (inner line breaks, e.g. of
 * a stack trace, stay). At most 256 fields.
 *
 * <p>Anything else, and any invalid UTF-8, is a {@link MalformedEventException} ({@link DropReason#UNPARSABLE_SYSLOG},
 * {@link DropReason#INVALID_UTF8}). Immutable and thread-safe. Selected by the receiver's {@code <format>syslog</format>}
 * or {@code auto}, for messages of VERSION 1; others go to {@link Rfc3164Parser}.
 */
public final class Rfc5424Parser implements EventParser {

    /** The SD-ID whose parameters become fields under their own names: our encoder's MDC element. */
    public static final String MDC_SD_ID = Rfc5424Encoder.DEFAULT_STRUCTURED_DATA_ID;

    static final String HOSTNAME = "syslog.hostname";
    static final String APP_NAME = "syslog.appname";
    static final String PROC_ID = "syslog.procid";
    static final String MSG_ID = "syslog.msgid";
    static final String DEFAULT_LOGGER = "syslog";
    static final String THREAD_PARAM = "thread";

    private static final String NILVALUE = "-";

    @Override
    public ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException {
        return parse(Utf8Text.decode(payload, offset, length));
    }

    ParsedEvent parse(String text) throws MalformedEventException {
        Cursor c = new Cursor(text, DropReason.UNPARSABLE_SYSLOG);
        SyslogPriority priority = SyslogPriority.parse(c);
        c.expect('1', "VERSION 1");
        c.expect(' ', "SP after VERSION");
        int timestampAt = c.pos;
        String timestampText = c.token(Rfc3339Timestamps.MAX_LENGTH, "TIMESTAMP");
        Instant timestamp = null;
        if (!timestampText.equals(NILVALUE)) {
            timestamp = Rfc3339Timestamps.parse(timestampText);
            if (timestamp == null) {
                c.pos = timestampAt;
                throw c.error("TIMESTAMP is not an RFC 3339 date-time such as 2003-10-11T22:14:15.003Z");
            }
        }
        c.expect(' ', "SP after TIMESTAMP");
        String hostname = headerField(c, 255, "HOSTNAME");
        String appName = headerField(c, 48, "APP-NAME");
        String procId = headerField(c, 128, "PROCID");
        String msgId = c.token(32, "MSGID");
        c.expect(' ', "SP after MSGID");

        EventFields fields = new EventFields(DropReason.UNPARSABLE_SYSLOG);
        priority.addTo(fields);
        putUnlessNil(fields, HOSTNAME, hostname);
        putUnlessNil(fields, APP_NAME, appName);
        putUnlessNil(fields, PROC_ID, procId);
        putUnlessNil(fields, MSG_ID, msgId);

        if (c.peek() == '-') {
            c.pos++;
        } else if (c.peek() == '[') {
            StructuredDataParser.parse(c, MDC_SD_ID, fields);
        } else {
            throw c.error("expected STRUCTURED-DATA ('-' or '[')");
        }
        String message = "";
        if (!c.atEnd()) {
            c.expect(' ', "SP before MSG");
            message = Utf8Text.message(text, c.pos);
        }
        String logger = !msgId.equals(NILVALUE) ? msgId : !appName.equals(NILVALUE) ? appName : DEFAULT_LOGGER;
        return new ParsedEvent(timestamp, priority.level(), logger, fields.get(THREAD_PARAM), message,
                fields.asMap(), null);
    }

    private static String headerField(Cursor c, int max, String what) throws MalformedEventException {
        String value = c.token(max, what);
        c.expect(' ', "SP after " + what);
        return value;
    }

    private static void putUnlessNil(EventFields fields, String name, String value) throws MalformedEventException {
        if (!value.equals(NILVALUE)) {
            fields.put(name, value);
        }
    }
}
