package dev.logshield.tls.framing;

/**
 * RFC 5424 header fields (HOSTNAME, APP-NAME, PROCID, MSGID) are 1 to N characters of PRINTUSASCII (33-126):
 * anything else (space, control characters, non-ASCII) is replaced by {@code _}, too-long values are cut, and an
 * empty value becomes the NILVALUE {@code -}.
 */
final class PrintableAscii {

    static final String NILVALUE = "-";

    private PrintableAscii() {
    }

    static boolean isPrintable(char c) {
        return c >= 33 && c <= 126;
    }

    /** {@code value} sanitised and cut to its first {@code max} characters. */
    static String sanitize(String value, int max) {
        if (value == null || value.isEmpty()) {
            return NILVALUE;
        }
        int n = Math.min(value.length(), max);
        StringBuilder sb = null;
        for (int i = 0; i < n; i++) {
            if (!isPrintable(value.charAt(i))) {
                if (sb == null) {
                    sb = new StringBuilder(n).append(value, 0, i);
                }
                sb.append('_');
            } else if (sb != null) {
                sb.append(value.charAt(i));
            }
        }
        if (sb != null) {
            return sb.toString();
        }
        return n == value.length() ? value : value.substring(0, n);
    }

    /**
     * Appends {@code value} sanitised and cut to its <em>last</em> {@code max} characters, the informative end
     * of a logger name ({@code ...service.PaymentService}); NILVALUE when empty.
     */
    static void appendTail(StringBuilder sb, String value, int max) {
        if (value == null || value.isEmpty()) {
            sb.append(NILVALUE);
            return;
        }
        for (int i = Math.max(0, value.length() - max); i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(isPrintable(c) ? c : '_');
        }
    }
}
