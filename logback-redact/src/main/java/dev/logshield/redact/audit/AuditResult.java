package dev.logshield.redact.audit;

import java.util.Locale;

/**
 * Normalises what callers pass as {@code result} to the two values the schema allows. Booleans and the usual
 * words map to {@code success}/{@code failure}; anything else is {@link #UNKNOWN}, and the record keeps the raw
 * value under {@code details.result_raw}.
 */
final class AuditResult {

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String UNKNOWN = "unknown";

    private AuditResult() {
    }

    /** {@code success}, {@code failure} or {@link #UNKNOWN}; null for null. */
    static String normalise(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? SUCCESS : FAILURE;
        }
        if (!(value instanceof CharSequence)) {
            return UNKNOWN;
        }
        String s = value.toString().trim();
        if (s.length() > 16) {
            return UNKNOWN;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "success":
            case "successful":
            case "succeeded":
            case "ok":
            case "true":
                return SUCCESS;
            case "failure":
            case "failed":
            case "fail":
            case "error":
            case "false":
                return FAILURE;
            default:
                return UNKNOWN;
        }
    }
}
