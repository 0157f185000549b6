package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.CallerData;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.SequenceNumberGenerator;
import dev.logshield.tls.receiver.parse.IntakeNeutralizer;
import dev.logshield.tls.receiver.parse.ParsedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a parsed event and the identity of the connection it came on into a Logback event of the receiver's
 * context, ready for its appenders:
 * <ul>
 * <li>logger name, level and message as sent (the message is already rendered: no argument array; the thresholds
 * ALL and OFF become TRACE and ERROR); the time the client gives, else the time of receipt; the thread name sent,
 * else {@value #DEFAULT_THREAD_NAME};</li>
 * <li>MDC: the fields the client sent, except any whose key starts with {@code client.} (in any case), then
 * {@value #CLIENT_CN}, {@value #CLIENT_SUBJECT}, {@value #CLIENT_SPKI} and {@value #CLIENT_ADDRESS} from the
 * verified certificate and the socket, so that no client can pass itself off as another;</li>
 * <li>a stack trace sent by the client as the MDC entry {@value #STACK_TRACE} (a text: there is no Throwable to
 * give {@code %ex}); write it with {@code %X{stack_trace}} or a JSON encoder's MDC;</li>
 * <li>no caller data (the receiver's own frames would be meaningless);</li>
 * <li>every single-line field neutralised ({@link IntakeNeutralizer}): logger and thread names, every MDC key and
 * value (client fields, structured data, syslog header fields, identity entries) except the value of
 * {@value #STACK_TRACE}; the message and that stack trace are kept as sent, for the text outputs to neutralise
 * once. The event is marked ({@link ReceivedLoggingEvent}) so that LogShield's text layouts do not escape the
 * neutralised fields again.</li>
 * </ul>
 * Thread-safe.
 */
final class ReceivedEventFactory {

    /**
     * The MDC key of the client's name as the allow-list knows it: its first SAN DNS name, else the CN of a
     * certificate without SANs, else its subject.
     */
    static final String CLIENT_NAME = "client.name";
    /** The MDC key of the client certificate's common name, as written (not a name when the certificate has SANs). */
    static final String CLIENT_CN = "client.cn";
    /** The MDC key of the client certificate's subject, RFC 2253. */
    static final String CLIENT_SUBJECT = "client.subject";
    /** The MDC key of the client key's SPKI pin, {@code sha256/BASE64}. */
    static final String CLIENT_SPKI = "client.spki";
    /** The MDC key of the client's {@code ip:port}. */
    static final String CLIENT_ADDRESS = "client.address";
    /** The MDC key of a stack trace the client sent. */
    static final String STACK_TRACE = "stack_trace";
    /** The thread name of events that name none. */
    static final String DEFAULT_THREAD_NAME = "receiver";

    private static final String CLIENT_PREFIX = "client.";

    private final LoggerContext context;

    ReceivedEventFactory(LoggerContext context) {
        this.context = context;
    }

    /** The event for {@code parsed}, received now from {@code client}. */
    ReceivedLoggingEvent create(ParsedEvent parsed, ClientIdentity client) {
        Neutralized text = new Neutralized();
        ReceivedLoggingEvent event = new ReceivedLoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName(text.singleLine(parsed.loggerName()));
        event.setLevel(level(parsed.level()));
        event.setMessage(parsed.message());
        event.setInstant(parsed.timestamp() != null ? parsed.timestamp() : Instant.now());
        event.setThreadName(parsed.threadName() != null && !parsed.threadName().isEmpty()
                ? text.singleLine(parsed.threadName()) : DEFAULT_THREAD_NAME);
        event.setCallerData(CallerData.EMPTY_CALLER_DATA_ARRAY);
        SequenceNumberGenerator sequence = context.getSequenceNumberGenerator();
        if (sequence != null) {
            event.setSequenceNumber(sequence.nextSequenceNumber());
        }
        event.setMDCPropertyMap(mdc(parsed, client, text));
        event.addedChars(text.added);
        return event;
    }

    /** ALL and OFF are thresholds, not levels of an event: they become TRACE and ERROR. */
    private static Level level(Level level) {
        if (level.toInt() < Level.TRACE_INT) {
            return Level.TRACE;
        }
        return level.toInt() > Level.ERROR_INT ? Level.ERROR : level;
    }

    private static Map<String, String> mdc(ParsedEvent parsed, ClientIdentity client, Neutralized text) {
        Map<String, String> mdc = new LinkedHashMap<>(parsed.fields().size() + 6);
        for (Map.Entry<String, String> field : parsed.fields().entrySet()) {
            String key = field.getKey();
            if (!isClientKey(key)) {
                // checked as sent: escaped, a key starts with client. only if it did (escapes start with a backslash)
                mdc.put(text.singleLine(key), key.equals(STACK_TRACE) ? field.getValue()
                        : text.singleLine(field.getValue()));
            }
        }
        if (parsed.stackTrace() != null) {
            mdc.put(STACK_TRACE, parsed.stackTrace());
        }
        mdc.put(CLIENT_NAME, text.singleLine(client.displayName()));
        mdc.put(CLIENT_CN, text.singleLine(client.commonName()));
        mdc.put(CLIENT_SUBJECT, text.singleLine(client.subjectName()));
        mdc.put(CLIENT_SPKI, client.pin().toString()); // sha256/ and base64, and ip:port: nothing to escape
        mdc.put(CLIENT_ADDRESS, client.address());
        return mdc;
    }

    /** Neutralises single-line fields and counts what that added, for the queue's byte budget. */
    private static final class Neutralized {
        int added;

        String singleLine(String field) {
            String out = IntakeNeutralizer.singleLine(field);
            if (out != field) {
                added = (int) Math.min(Integer.MAX_VALUE, (long) added + out.length() - field.length());
            }
            return out;
        }
    }

    private static boolean isClientKey(String key) {
        return key.length() >= CLIENT_PREFIX.length()
                && key.regionMatches(true, 0, CLIENT_PREFIX, 0, CLIENT_PREFIX.length());
    }
}
