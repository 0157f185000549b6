package dev.logshield.tls.receiver.parse;

import java.util.List;
import java.util.Locale;

/**
 * The payload parsers by the name the receiver's {@code <format>} takes:
 * <pre>{@code
 * <format>auto</format>    <!-- default: syslog if the frame starts with '<', JSON if with '{' -->
 * <format>syslog</format>  <!-- RFC 5424, and RFC 3164 for messages that are not VERSION 1 -->
 * <format>json</format>    <!-- one JSON object per frame, as LogstashEncoder writes -->
 * }</pre>
 */
public final class EventParsers {

    public static final String AUTO = "auto";
    public static final String SYSLOG = "syslog";
    public static final String JSON = "json";

    private static final List<String> NAMES = List.of(AUTO, SYSLOG, JSON);

    private EventParsers() {
    }

    /** The accepted {@code format} names: auto, syslog, json. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The parser for {@code format} (case-insensitive, surrounding spaces ignored).
     *
     * @throws IllegalArgumentException for any other name; the message names the accepted ones
     */
    public static EventParser create(String format) {
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case AUTO:
                return new AutoEventParser();
            case SYSLOG:
                return new SyslogEventParser();
            case JSON:
                return new JsonLineParser();
            default:
                throw new IllegalArgumentException("unknown format '" + format + "'; use one of "
                        + String.join(", ", NAMES));
        }
    }
}
