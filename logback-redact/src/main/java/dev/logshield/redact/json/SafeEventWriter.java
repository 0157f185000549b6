package dev.logshield.redact.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.logback.RedactionEngineHandle;
import java.nio.charset.Charset;
import java.time.Instant;
import net.logstash.logback.fieldnames.LogstashCommonFieldNames;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * The event written when the encoder itself failed: timestamp (UTC, ISO-8601), level, logger, the redacted
 * message and LogShield's error fields, built by hand (no Jackson, nothing that can fail again) so that the event
 * is never lost and the output stays one valid JSON object per line. Strings are escaped like the generator
 * escapes them ({@link UnsafeCharacterEscapes}).
 */
final class SafeEventWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final LogstashFieldNames names;
    private final RedactionEngineHandle engine;
    private final FieldLengthCap cap;

    SafeEventWriter(LogstashFieldNames names, RedactionEngineHandle engine, FieldLengthCap cap) {
        this.names = names == null ? new LogstashFieldNames() : names;
        this.engine = engine;
        this.cap = cap;
    }

    byte[] write(ILoggingEvent event, Throwable failure, Charset charset, String lineSeparator) {
        StringBuilder b = new StringBuilder(256).append('{');
        boolean first = true;
        first = field(b, first, names.getTimestamp(), Instant.ofEpochMilli(safeTimestamp(event)).toString());
        first = field(b, first, names.getLevel(), event.getLevel() == null ? null : event.getLevel().toString());
        first = field(b, first, names.getLogger(), event.getLoggerName());
        first = field(b, first, names.getMessage(), redactedMessage(event));
        first = field(b, first, FieldNamer.ERROR_FIELD, "event serialisation failed: " + failure.getClass().getName());
        if (!first) {
            b.append(',');
        }
        b.append('"').append(FieldNamer.ERROR_FLAG_FIELD).append("\":true}");
        if (lineSeparator != null) {
            b.append(lineSeparator);
        }
        return b.toString().getBytes(charset);
    }

    private static long safeTimestamp(ILoggingEvent event) {
        try {
            return event.getTimeStamp();
        } catch (RuntimeException e) {
            return System.currentTimeMillis();
        }
    }

    private String redactedMessage(ILoggingEvent event) {
        try {
            return cap.apply(engine.redact(event.getFormattedMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return Redactor.FAILED;
        }
    }

    private static boolean field(StringBuilder b, boolean first, String name, String value) {
        if (name == null || name.isBlank() || LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR.equals(name)
                || value == null) {
            return first;
        }
        if (!first) {
            b.append(',');
        }
        string(b, name).append(':');
        string(b, value);
        return false;
    }

    static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || UnsafeCharacterEscapes.isUnsafe(c)) {
                        b.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
