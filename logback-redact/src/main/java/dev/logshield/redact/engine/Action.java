package dev.logshield.redact.engine;

import java.util.Locale;

/** What a rule does with a span it matched. */
public enum Action {
    /** Replace with a typed label: {@code [REDACTED:email]}. */
    MASK,
    /** Keep a known prefix and a few characters at each end: {@code tok-1234****cdef}. */
    PARTIAL,
    /** Replace with a keyed, truncated HMAC token, equal for equal inputs: {@code [HASH:email:k1:...]}. */
    HASH,
    /** Remove the span. */
    DROP;

    /** Parses {@code mask|partial|hash|drop} (any case); null when the text is none of them. */
    public static Action parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "mask": return MASK;
            case "partial": return PARTIAL;
            case "hash": return HASH;
            case "drop": return DROP;
            default: return null;
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
