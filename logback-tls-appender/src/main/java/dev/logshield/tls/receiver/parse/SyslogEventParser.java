package dev.logshield.tls.receiver.parse;

/**
 * Syslog in either format, chosen per message: {@code <PRI>1 } (VERSION 1) is RFC 5424 and must be valid as such
 * ({@link Rfc5424Parser}); any other {@code <PRI>} message is read as RFC 3164 ({@link Rfc3164Parser}).
 *
 * <p>Immutable and thread-safe. Selected by the receiver's {@code <format>syslog</format>}; see
 * {@link EventParsers}.
 */
public final class SyslogEventParser implements EventParser {

    private final Rfc5424Parser rfc5424;
    private final Rfc3164Parser rfc3164;

    public SyslogEventParser() {
        this(new Rfc5424Parser(), new Rfc3164Parser());
    }

    SyslogEventParser(Rfc5424Parser rfc5424, Rfc3164Parser rfc3164) {
        this.rfc5424 = rfc5424;
        this.rfc3164 = rfc3164;
    }

    @Override
    public ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException {
        String text = Utf8Text.decode(payload, offset, length);
        return SyslogPriority.isVersion1(text) ? rfc5424.parse(text) : rfc3164.parse(text);
    }
}
