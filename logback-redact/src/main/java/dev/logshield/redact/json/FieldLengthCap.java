package dev.logshield.redact.json;

/**
 * Cuts text longer than a configured number of characters, marking the cut:
 * {@code first-N-chars…[truncated 1234 chars]}. Applied after redaction, so a secret straddling the cut has
 * already been replaced and cannot leak half-way. Never splits a surrogate pair.
 */
final class FieldLengthCap {

    private final int max;

    /** {@code max} of 0 means unlimited. */
    FieldLengthCap(int max) {
        this.max = max;
    }

    boolean isUnlimited() {
        return max <= 0;
    }

    String apply(String text) {
        if (max <= 0 || text == null || text.length() <= max) {
            return text;
        }
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int dropped = text.length() - cut;
        return new StringBuilder(cut + 32).append(text, 0, cut)
                .append("\u2026[truncated ").append(dropped).append(" chars]").toString();
    }
}
