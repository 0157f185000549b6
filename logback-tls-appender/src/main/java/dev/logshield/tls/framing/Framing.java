package dev.logshield.tls.framing;

import java.util.Locale;

/**
 * How events are delimited on the connection, named in logback.xml as {@code octet-counting}, {@code newline}
 * or {@code relp} (case-insensitive; {@code _} for {@code -} accepted):
 * <pre>{@code
 * <framing>octet-counting</framing>
 * }</pre>
 * Appenders should take the element as a {@code String} and call {@link #parse} in {@code start()}: Joran maps an
 * enum-typed setter through {@code Enum.valueOf}, which would only accept {@code OCTET_COUNTING}.
 */
public enum Framing {

    /** RFC 5425 {@code MSG-LEN SP SYSLOG-MSG}, for syslog receivers: see {@link OctetCountingFramer}. */
    OCTET_COUNTING("octet-counting"),

    /** One event per line, for JSON-lines receivers: see {@link NewlineFramer}. */
    NEWLINE("newline"),

    /**
     * RELP, whose frames carry a transaction number and are acknowledged one by one: written by
     * {@link dev.logshield.tls.framing.relp.RelpCommandEncoder}, not by a {@link Framer}.
     */
    RELP("relp");

    private static final OctetCountingFramer OCTET_COUNTING_FRAMER = new OctetCountingFramer();
    private static final NewlineFramer NEWLINE_FRAMER = new NewlineFramer();

    private final String xmlName;

    Framing(String xmlName) {
        this.xmlName = xmlName;
    }

    /**
     * The framing named {@code name} in logback.xml.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static Framing parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Framing f : values()) {
            if (f.xmlName.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown framing '" + name + "': use octet-counting (RFC 5425 syslog), "
                + "newline (JSON lines) or relp");
    }

    /**
     * The shared, stateless framer of this framing.
     *
     * @throws UnsupportedOperationException for {@link #RELP}: RELP frames need a transaction number, see
     *         {@link dev.logshield.tls.framing.relp.RelpCommandEncoder}
     */
    public Framer framer() {
        switch (this) {
            case OCTET_COUNTING:
                return OCTET_COUNTING_FRAMER;
            case NEWLINE:
                return NEWLINE_FRAMER;
            default:
                throw new UnsupportedOperationException("RELP frames carry a transaction number: write them with "
                        + "dev.logshield.tls.framing.relp.RelpCommandEncoder");
        }
    }

    /** The logback.xml name, e.g. {@code octet-counting}. */
    @Override
    public String toString() {
        return xmlName;
    }
}
