package dev.logshield.tls.receiver.frames;

/**
 * Why the receiver dropped a frame instead of turning it into an event. Each reason is a tag value of the
 * {@code logshield.receiver.frames.dropped} counter, so an operator sees what a client sends wrong.
 */
public enum DropReason {
    /** Longer than {@code <maxFrameSize>}: the frame's bytes were discarded without being buffered. */
    OVERSIZE("oversize"),
    /** An octet-counting length that is not 1 to 9 digits followed by a space: framing is lost. */
    BAD_LENGTH("bad-length"),
    /** The payload is not valid UTF-8. */
    INVALID_UTF8("invalid-utf8"),
    /** The payload starts like syslog but is neither RFC 5424 nor RFC 3164. */
    UNPARSABLE_SYSLOG("unparsable-syslog"),
    /** The payload starts like JSON but is not one JSON object within the limits. */
    INVALID_JSON("invalid-json"),
    /** The payload is neither syslog nor a JSON object (e.g. random bytes in a line). */
    UNKNOWN_FORMAT("unknown-format"),
    /** A RELP frame that breaks the protocol (bad TXNR, command, DATALEN or trailer): framing is lost. */
    RELP_PROTOCOL("relp-protocol"),
    /** The connection ended or timed out in the middle of a frame. */
    TRUNCATED("truncated");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    /** The metric tag value and the word used in status messages, e.g. {@code bad-length}. */
    public String tag() {
        return tag;
    }
}
