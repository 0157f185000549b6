package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.receiver.frames.DropReason;
import java.util.Objects;

/**
 * The receiver's default format: decided per frame by its first byte after any spaces, tabs, line breaks and a
 * UTF-8 BOM: {@code <} is syslog ({@link SyslogEventParser}: RFC 5424, else RFC 3164), <code>{</code> is a JSON
 * object ({@link JsonLineParser}), anything else is {@link DropReason#UNKNOWN_FORMAT}. So one port takes what
 * rsyslog forwards, what our {@code Rfc5424Encoder} writes and what {@code LogstashEncoder} writes.
 *
 * <p>Immutable and thread-safe. Selected by the receiver's {@code <format>auto</format>} (the default); see
 * {@link EventParsers}.
 */
public final class AutoEventParser implements EventParser {

    private final EventParser syslog;
    private final EventParser json;

    public AutoEventParser() {
        this(new SyslogEventParser(), new JsonLineParser());
    }

    AutoEventParser(EventParser syslog, EventParser json) {
        this.syslog = syslog;
        this.json = json;
    }

    @Override
    public ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException {
        Objects.checkFromIndexSize(offset, length, payload.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            byte b = payload[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                i++;
            } else if (b == (byte) 0xEF && i + 2 < end && payload[i + 1] == (byte) 0xBB && payload[i + 2] == (byte) 0xBF) {
                i += 3;
            } else {
                break;
            }
        }
        if (i == end) {
            throw new MalformedEventException(DropReason.UNKNOWN_FORMAT, "the payload is blank");
        }
        if (payload[i] == '<') {
            return syslog.parse(payload, i, end - i);
        }
        if (payload[i] == '{') {
            return json.parse(payload, i, end - i);
        }
        throw new MalformedEventException(DropReason.UNKNOWN_FORMAT, "the payload starts with "
                + String.format("0x%02X", payload[i] & 0xFF) + " at byte offset " + (i - offset)
                + ", neither '<' (syslog) nor '{' (JSON)");
    }
}
