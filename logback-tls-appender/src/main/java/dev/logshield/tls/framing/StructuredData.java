package dev.logshield.tls.framing;

/**
 * RFC 5424 §6.3 STRUCTURED-DATA syntax: SD-ID validation, PARAM-NAME sanitising and PARAM-VALUE escaping.
 *
 * <p>SD-NAME = 1*32 PRINTUSASCII except {@code =}, SP, {@code ]} and {@code "}. PARAM-VALUE is UTF-8 in which
 * {@code "}, {@code \} and {@code ]} must be escaped with a backslash.
 */
final class StructuredData {

    static final int MAX_NAME = 32;

    private StructuredData() {
    }

    static boolean isNameChar(char c) {
        return PrintableAscii.isPrintable(c) && c != '=' && c != ']' && c != '"';
    }

    /**
     * Why {@code id} cannot be the SD-ID of our own element, or null when it can: it must be an SD-NAME of the
     * private form {@code name@<enterprise number>} (§6.3.2, §7.2.2); names without {@code @} are reserved for
     * IANA-registered elements.
     */
    static String sdIdProblem(String id) {
        if (id == null || id.isEmpty()) {
            return "it is empty";
        }
        if (id.length() > MAX_NAME) {
            return "it is " + id.length() + " characters long, RFC 5424 allows at most " + MAX_NAME;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isNameChar(id.charAt(i))) {
                return "it contains '" + id.charAt(i) + "' (only printable US-ASCII except '=', space, ']' and '\"')";
            }
        }
        int at = id.indexOf('@');
        if (at < 0) {
            return "names without '@' are reserved for IANA-registered elements; use name@<private enterprise number>";
        }
        if (at == 0 || id.indexOf('@', at + 1) >= 0 || !id.substring(at + 1).matches("[0-9]+(\\.[0-9]+)*")) {
            return "it is not of the form name@<private enterprise number>, e.g. mdc@32473";
        }
        return null;
    }

    /** Appends {@code SP name="value"}, the name sanitised ({@code _} for each character not allowed, cut to 32). */
    static void appendParam(StringBuilder sb, String name, String value) {
        sb.append(' ');
        if (name == null || name.isEmpty()) {
            sb.append('_');
        } else {
            for (int i = 0, n = Math.min(name.length(), MAX_NAME); i < n; i++) {
                char c = name.charAt(i);
                sb.append(isNameChar(c) ? c : '_');
            }
        }
        sb.append("=\"");
        appendEscaped(sb, value);
        sb.append('"');
    }

    static void appendEscaped(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                sb.append('\\');
            }
            sb.append(c);
        }
    }
}
