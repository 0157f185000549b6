package dev.logshield.tls.framing;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes each event as one RFC 5424 syslog message, UTF-8, without a trailing newline (the framer delimits it):
 * <pre>{@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG}</pre>
 * <pre>{@code <134>1 2026-11-25T10:11:12.123456Z web-1.example shop 4242 - [mdc@32473 user="bob" order="7"] paid}</pre>
 * <ul>
 * <li>PRI = facility &times; 8 + severity; severity from the level: ERROR 3, WARN 4, INFO 6, DEBUG and TRACE 7.</li>
 * <li>TIMESTAMP: the event's instant with microseconds, in {@code <timeZone>} ({@code Z} for UTC).</li>
 * <li>HOSTNAME, APP-NAME, PROCID, MSGID: printable US-ASCII, cut to 255, 48, 128 and 32 characters; any other
 * character becomes {@code _} (a warning says so at start); empty values become the NILVALUE {@code -}.</li>
 * <li>STRUCTURED-DATA: the MDC (sorted by key) then the SLF4J 2 key-value pairs, as the parameters of one element
 * {@code [mdc@32473 ...]}; parameter names are cut to 32 characters and every character RFC 5424 forbids in them
 * ({@code =}, space, {@code ]}, {@code "}, control and non-ASCII characters) becomes {@code _}; in values
 * {@code "}, {@code \} and {@code ]} get a backslash. With {@code <sequenceIds>}, a second element
 * {@code [logshield@32473 seq="17" origin="9f2c41d07be3a856"]} numbers the events of this encoder (from 1, in
 * encoding order) under an origin drawn at random per encoder instance, so a receiver can drop the duplicates a
 * replay after reconnecting sends. {@code -} when there is no parameter at all.</li>
 * <li>MSG: the message layout's output with trailing line breaks removed; interior ones (stack traces) stay, as
 * octet-counted framing and RELP carry any byte. Optionally preceded by a UTF-8 BOM (RFC 5424 MSG-UTF8).</li>
 * </ul>
 * 32473 is the example enterprise number of RFC 5612, as no number is registered for LogShield.
 *
 * <p>The encoder writes the event it is given. Under {@code MtlsAppender} that is the event's redacted view (see its
 * {@code <redaction>} element), so MSG and the MDC and key-value structured data are redacted by the appender, with
 * the defaults below; a {@code <messageLayout>} is only needed to render MSG differently.
 *
 * <pre>{@code
 * <encoder class="dev.logshield.tls.framing.Rfc5424Encoder">
 *   <facility>local4</facility>              <!-- default user; kern, user, mail, daemon, auth, syslog, lpr, news,
 *                                                 uucp, cron, authpriv, ftp, local0..local7 -->
 *   <hostname>web-1.example</hostname>       <!-- default: the context's HOSTNAME -->
 *   <appName>shop</appName>                  <!-- default: the context name -->
 *   <procId>4242</procId>                    <!-- default: this JVM's pid -->
 *   <msgId>%logger</msgId>                   <!-- default -; a constant, or %logger for the logger name's last 32 characters -->
 *   <timeZone>UTC</timeZone>                 <!-- default UTC; an offset (+01:00) or a region (Europe/Berlin) -->
 *   <includeMdc>true</includeMdc>            <!-- default true; under MtlsAppender, values are redacted -->
 *   <includeKeyValues>true</includeKeyValues><!-- default true; under MtlsAppender, values are redacted -->
 *   <structuredDataId>mdc@32473</structuredDataId>  <!-- default mdc@32473; name@<enterprise number> -->
 *   <sequenceIds>false</sequenceIds>         <!-- default false -->
 *   <messagePattern>%msg%n%xEx</messagePattern>     <!-- default; or a whole layout: -->
 *   <!-- <messageLayout class="ch.qos.logback.classic.PatternLayout">...</messageLayout> -->
 *   <bom>false</bom>                         <!-- default false -->
 * </encoder>
 * }</pre>
 * An unknown facility or time zone, an invalid SD-ID, a layout that does not start, or both {@code <messageLayout>}
 * and {@code <messagePattern>}, are reported as status errors and the encoder stays stopped, writing nothing.
 * Encoding never throws: if the message cannot be rendered, the event is sent with a placeholder message, never
 * with the unrendered (possibly unredacted) text, and the failure is reported at most every ten seconds.
 */
public final class Rfc5424Encoder extends EncoderBase<ILoggingEvent> {

    /** The default SD-ID of the MDC and key-value element. */
    public static final String DEFAULT_STRUCTURED_DATA_ID = "mdc@32473";
    /** The SD-ID of the element {@code <sequenceIds>} adds. */
    public static final String SEQUENCE_STRUCTURED_DATA_ID = "logshield@32473";
    /** The {@code <msgId>} value that means "the logger name". */
    public static final String LOGGER_MSG_ID = "%logger";
    /** The default {@code <messagePattern>}. */
    public static final String DEFAULT_MESSAGE_PATTERN = "%msg%n%xEx";

    static final int MAX_HOSTNAME = 255;
    static final int MAX_APP_NAME = 48;
    static final int MAX_PROC_ID = 128;
    static final int MAX_MSG_ID = 32;

    private static final byte[] NOTHING = new byte[0];
    private static final int MAX_KEPT_BUFFER = 64 * 1024;
    // a JDK class as the value, so that a thread's map never pins this class loader
    private static final ThreadLocal<StringBuilder> BUFFERS = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private String facility = "user";
    private String hostname;
    private String appName;
    private String procId;
    private String msgId;
    private String timeZone = "UTC";
    private boolean includeMdc = true;
    private boolean includeKeyValues = true;
    private String structuredDataId = DEFAULT_STRUCTURED_DATA_ID;
    private boolean sequenceIds;
    private Layout<ILoggingEvent> messageLayout;
    private String messagePattern;
    private boolean bom;

    private final String origin = randomOrigin();
    private final AtomicLong sequence = new AtomicLong();
    private final RateLimitedStatus problems = new RateLimitedStatus(this);

    // built in start()
    private Rfc5424Writer writer;
    private Layout<ILoggingEvent> layout;
    private boolean ownsLayout;

    /** The facility by name; default {@code user}. */
    public void setFacility(String facility) {
        this.facility = facility;
    }

    /** HOSTNAME; default the context's {@code HOSTNAME} property. */
    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    /** APP-NAME; default the context name. */
    public void setAppName(String appName) {
        this.appName = appName;
    }

    /** PROCID; default this JVM's process id. */
    public void setProcId(String procId) {
        this.procId = procId;
    }

    /** MSGID: a constant, or {@code %logger} for the logger name; default {@code -}. */
    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    /** The zone of TIMESTAMP: {@code UTC} (default), an offset such as {@code +01:00}, or a region id. */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    /** Whether MDC entries become SD-PARAMs; default true (under {@code MtlsAppender}, redacted by the appender). */
    public void setIncludeMdc(boolean includeMdc) {
        this.includeMdc = includeMdc;
    }

    /**
     * Whether SLF4J 2 key-value pairs become SD-PARAMs; default true (under {@code MtlsAppender}, redacted by the
     * appender).
     */
    public void setIncludeKeyValues(boolean includeKeyValues) {
        this.includeKeyValues = includeKeyValues;
    }

    /** The SD-ID of the MDC and key-value element, {@code name@<enterprise number>}; default {@code mdc@32473}. */
    public void setStructuredDataId(String structuredDataId) {
        this.structuredDataId = structuredDataId;
    }

    /** Whether to add {@code [logshield@32473 seq="n" origin="..."]} to every event; default false. */
    public void setSequenceIds(boolean sequenceIds) {
        this.sequenceIds = sequenceIds;
    }

    /** Any Logback layout rendering MSG (e.g. a redacting one); excludes {@code <messagePattern>}. */
    public void setMessageLayout(Layout<ILoggingEvent> messageLayout) {
        this.messageLayout = messageLayout;
    }

    /** The pattern of a {@code PatternLayout} rendering MSG; default {@code %msg%n%xEx}. */
    public void setMessagePattern(String messagePattern) {
        this.messagePattern = messagePattern;
    }

    /** Whether MSG starts with a UTF-8 byte order mark (RFC 5424 MSG-UTF8); default false. */
    public void setBom(boolean bom) {
        this.bom = bom;
    }

    /** The random id of this encoder instance in its {@code logshield@32473} elements (16 hex digits). */
    public String origin() {
        return origin;
    }

    /** The {@code seq} of the last event encoded with {@code <sequenceIds>}, 0 before the first. */
    public long lastSequence() {
        return sequence.get();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        List<String> errors = new ArrayList<>();
        SyslogFacility parsedFacility = SyslogFacility.parse(facility);
        if (parsedFacility == null) {
            errors.add("<facility>" + facility + "</facility> is not a syslog facility; use one of "
                    + SyslogFacility.names());
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.trim());
        } catch (DateTimeException e) {
            errors.add("<timeZone>" + timeZone + "</timeZone> is not a time zone; use UTC, an offset such as +01:00 "
                    + "or a region such as Europe/Berlin");
        }
        boolean eventElement = includeMdc || includeKeyValues;
        String sdProblem = eventElement ? StructuredData.sdIdProblem(structuredDataId) : null;
        if (sdProblem != null) {
            errors.add("<structuredDataId>" + structuredDataId + "</structuredDataId> is not a valid SD-ID: "
                    + sdProblem);
        } else if (eventElement && sequenceIds && SEQUENCE_STRUCTURED_DATA_ID.equals(structuredDataId)) {
            errors.add("<structuredDataId> " + SEQUENCE_STRUCTURED_DATA_ID + " is the element <sequenceIds> adds; "
                    + "an SD-ID may appear only once per message, choose another");
        }
        if (messageLayout != null && messagePattern != null) {
            errors.add("set either <messageLayout> or <messagePattern>, not both");
        }
        if (errors.isEmpty()) {
            startLayout(errors);
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> addError("Rfc5424Encoder: " + e + ". The encoder is not started and writes nothing."));
            return;
        }
        String fixedFields = " " + field("<hostname>", hostname, "the context's HOSTNAME", contextProperty(), MAX_HOSTNAME)
                + " " + field("<appName>", appName, "the context name", contextName(), MAX_APP_NAME)
                + " " + field("<procId>", procId, "the pid", Long.toString(ProcessHandle.current().pid()), MAX_PROC_ID)
                + " ";
        String fixedMsgId = LOGGER_MSG_ID.equals(msgId) ? null
                : field("<msgId>", msgId, "the default", PrintableAscii.NILVALUE, MAX_MSG_ID);
        writer = new Rfc5424Writer(parsedFacility.code, new Rfc3339Timestamp(zone), fixedFields, fixedMsgId,
                structuredDataId, includeMdc, includeKeyValues, sequenceIds ? origin : null, layout, bom, problems);
        super.start();
    }

    private void startLayout(List<String> errors) {
        if (messageLayout != null) {
            if (!messageLayout.isStarted()) {
                if (messageLayout.getContext() == null) {
                    messageLayout.setContext(getContext());
                }
                startQuietly(messageLayout);
            }
            if (!messageLayout.isStarted()) {
                errors.add("<messageLayout> " + messageLayout.getClass().getName() + " did not start; see its errors");
                return;
            }
            layout = messageLayout;
            ownsLayout = false;
            return;
        }
        PatternLayout patternLayout = new PatternLayout();
        patternLayout.setContext(getContext());
        patternLayout.setPattern(messagePattern == null ? DEFAULT_MESSAGE_PATTERN : messagePattern);
        startQuietly(patternLayout);
        if (!patternLayout.isStarted()) {
            errors.add("<messagePattern>" + messagePattern + "</messagePattern> is not a valid pattern; see its errors");
            return;
        }
        layout = patternLayout;
        ownsLayout = true;
    }

    /** Starts {@code layout}; Logback's pattern parser throws on some syntax errors instead of reporting them. */
    private void startQuietly(Layout<ILoggingEvent> layout) {
        try {
            layout.start();
        } catch (RuntimeException e) {
            addError("Rfc5424Encoder: the message layout failed to start: " + e.getMessage(), e);
        }
    }

    /** The header field as sent, warning when the configured or default value had to be changed. */
    private String field(String element, String configured, String defaultName, String defaultValue, int max) {
        boolean isDefault = configured == null || configured.isEmpty();
        String value = isDefault ? defaultValue : configured;
        String sent = PrintableAscii.sanitize(value, max);
        if (value != null && !value.isEmpty() && !sent.equals(value)) {
            addWarn("Rfc5424Encoder: " + (isDefault ? element + " (" + defaultName + ")" : element) + " '" + value
                    + "' is not 1 to " + max + " printable US-ASCII characters as RFC 5424 requires; sent as '" + sent
                    + "'");
        }
        return sent;
    }

    private String contextProperty() {
        return getContext() == null ? null : getContext().getProperty(CoreConstants.HOSTNAME_KEY);
    }

    private String contextName() {
        return getContext() == null ? null : getContext().getName();
    }

    @Override
    public void stop() {
        super.stop();
        if (ownsLayout && layout != null) {
            layout.stop();
        }
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** The event as one RFC 5424 message; never throws, and writes nothing while the encoder is not started. */
    @Override
    public byte[] encode(ILoggingEvent event) {
        if (!isStarted() || event == null) {
            return NOTHING;
        }
        long seq = sequenceIds ? sequence.incrementAndGet() : 0;
        StringBuilder pooled = BUFFERS.get();
        // a layout that logs may re-enter an encoder on this thread: it then gets a builder of its own
        StringBuilder sb = pooled.length() == 0 ? pooled : new StringBuilder(256);
        try {
            try {
                writer.write(sb, event, seq);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                problems.report("Rfc5424Encoder could not render an event of logger '" + event.getLoggerName()
                        + "'; it is sent with a placeholder message and no MDC or key-value parameters", e);
                sb.setLength(0);
                writer.writeWithoutEventData(sb, event, seq);
                sb.append(" [LogShield: the message could not be rendered (").append(e.getClass().getName())
                        .append("); see the Logback status]");
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            problems.report("Rfc5424Encoder could not encode an event; it is dropped", e);
            return NOTHING;
        } finally {
            if (sb == pooled) {
                if (sb.capacity() > MAX_KEPT_BUFFER) {
                    BUFFERS.set(new StringBuilder(512));
                } else {
                    sb.setLength(0);
                }
            }
        }
    }

    private static String randomOrigin() {
        byte[] id = new byte[8];
        OriginRandom.RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** Created on first use: seeding a SecureRandom costs time nobody should pay at class loading. */
    private static final class OriginRandom {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    @Override
    public String toString() {
        return "Rfc5424Encoder[facility=" + facility + ", structuredDataId=" + structuredDataId + "]";
    }
}
