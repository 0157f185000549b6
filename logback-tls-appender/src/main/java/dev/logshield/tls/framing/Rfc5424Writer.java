package dev.logshield.tls.framing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The compiled form of an {@link Rfc5424Encoder}'s configuration: writes one event as an RFC 5424 message into
 * a builder. Built once in {@code start()}; immutable and thread-safe (the layout must be, as Logback's are).
 */
final class Rfc5424Writer {

    private final int facilityBase;
    private final Rfc3339Timestamp timestamp;
    private final String fixedFields;
    private final String fixedMsgId;
    private final String eventElementId;
    private final boolean includeMdc;
    private final boolean includeKeyValues;
    private final String sequenceElementStart;
    private final String sequenceElementEnd;
    private final Layout<ILoggingEvent> layout;
    private final boolean bom;
    private final RateLimitedStatus problems;

    /**
     * @param fixedFields    {@code " HOSTNAME APP-NAME PROCID "}, already sanitised
     * @param fixedMsgId     MSGID, already sanitised, or null for the logger name
     * @param eventElementId the SD-ID of the MDC and key-value element
     * @param origin         the origin of the sequence element, or null for no sequence element
     */
    Rfc5424Writer(int facility, Rfc3339Timestamp timestamp, String fixedFields, String fixedMsgId,
                  String eventElementId, boolean includeMdc, boolean includeKeyValues, String origin,
                  Layout<ILoggingEvent> layout, boolean bom, RateLimitedStatus problems) {
        this.facilityBase = facility * 8;
        this.timestamp = timestamp;
        this.fixedFields = fixedFields;
        this.fixedMsgId = fixedMsgId;
        this.eventElementId = eventElementId;
        this.includeMdc = includeMdc;
        this.includeKeyValues = includeKeyValues;
        this.sequenceElementStart = origin == null ? null
                : "[" + Rfc5424Encoder.SEQUENCE_STRUCTURED_DATA_ID + " seq=\"";
        this.sequenceElementEnd = origin == null ? null : "\" origin=\"" + origin + "\"]";
        this.layout = layout;
        this.bom = bom;
        this.problems = problems;
    }

    /** The whole message; {@code seq} is used only with a sequence element. */
    void write(StringBuilder sb, ILoggingEvent event, long seq) {
        appendHeader(sb, event);
        int sdStart = sb.length();
        if (includeMdc || includeKeyValues) {
            appendEventElement(sb, event);
        }
        appendSequenceElement(sb, seq);
        if (sb.length() == sdStart) {
            sb.append(PrintableAscii.NILVALUE);
        }
        appendMessage(sb, layout.doLayout(event));
    }

    /** The message without MDC, key-value pairs and MSG: what is left when rendering them failed. */
    void writeWithoutEventData(StringBuilder sb, ILoggingEvent event, long seq) {
        appendHeader(sb, event);
        int sdStart = sb.length();
        appendSequenceElement(sb, seq);
        if (sb.length() == sdStart) {
            sb.append(PrintableAscii.NILVALUE);
        }
    }

    private void appendHeader(StringBuilder sb, ILoggingEvent event) {
        sb.append('<').append(facilityBase + SyslogSeverity.of(event.getLevel())).append(">1 ");
        Instant instant = event.getInstant();
        timestamp.append(sb, instant != null ? instant : Instant.ofEpochMilli(event.getTimeStamp()));
        sb.append(fixedFields);
        if (fixedMsgId != null) {
            sb.append(fixedMsgId);
        } else {
            PrintableAscii.appendTail(sb, event.getLoggerName(), Rfc5424Encoder.MAX_MSG_ID);
        }
        sb.append(' ');
    }

    private void appendEventElement(StringBuilder sb, ILoggingEvent event) {
        int start = sb.length();
        sb.append('[').append(eventElementId);
        int withoutParams = sb.length();
        if (includeMdc) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null && !mdc.isEmpty()) {
                String[] keys = mdc.keySet().toArray(new String[0]);
                Arrays.sort(keys); // MDC maps are hash maps: sorted keys give the same bytes for the same MDC
                for (String key : keys) {
                    String value = mdc.get(key);
                    if (value != null) {
                        StructuredData.appendParam(sb, key, value);
                    }
                }
            }
        }
        if (includeKeyValues) {
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    if (pair != null) {
                        StructuredData.appendParam(sb, pair.key, text(pair.value, pair.key));
                    }
                }
            }
        }
        if (sb.length() == withoutParams) {
            sb.setLength(start);
        } else {
            sb.append(']');
        }
    }

    private String text(Object value, String key) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            problems.report("Rfc5424Encoder: toString() of the value of key '" + key + "' failed; a placeholder "
                    + "is sent", e);
            return "[toString() failed: " + e.getClass().getName() + "]";
        }
    }

    private void appendSequenceElement(StringBuilder sb, long seq) {
        if (sequenceElementStart != null) {
            sb.append(sequenceElementStart).append(seq).append(sequenceElementEnd);
        }
    }

    private void appendMessage(StringBuilder sb, String message) {
        int end = message == null ? 0 : message.length();
        while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end == 0 && !bom) {
            return;
        }
        sb.append(' ');
        if (bom) {
            sb.append('\uFEFF');
        }
        if (end > 0) {
            sb.append(message, 0, end);
        }
    }
}
