package dev.logshield.tls.receiver.parse;

/**
 * Turns one frame's payload into a {@link ParsedEvent}. Never deserialises objects: text formats only, with every
 * size and depth bounded.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every connection.
 */
public interface EventParser {

    /**
     * Parses {@code payload[offset, offset + length)}.
     *
     * @throws MalformedEventException when the payload cannot become an event; never any other exception, whatever
     *         the bytes
     */
    ParsedEvent parse(byte[] payload, int offset, int length) throws MalformedEventException;

    /** Parses the whole {@code payload}. */
    default ParsedEvent parse(byte[] payload) throws MalformedEventException {
        return parse(payload, 0, payload.length);
    }
}
