package dev.logshield.redact.engine;

/** Renders the replacement text of one span for each {@link Action}. Stateless. */
final class Replacement {

    /** Values shorter than this are fully masked even under {@link Action#PARTIAL}. */
    static final int PARTIAL_MIN_LENGTH = 12;

    private Replacement() {
    }

    static void append(Action action, String label, CharSequence text, int start, int end, int knownPrefix,
                       KeyedHasher hasher, StringBuilder out) {
        switch (action) {
            case DROP:
                return;
            case PARTIAL:
                appendPartial(label, text, start, end, knownPrefix, out);
                return;
            case HASH:
                if (hasher != null) {
                    hasher.appendToken(label, text.subSequence(start, end), out);
                    return;
                }
                appendMask(label, out); // no key: the engine builder already reported the fallback
                return;
            case MASK:
            default:
                appendMask(label, out);
        }
    }

    static void appendMask(String label, StringBuilder out) {
        out.append("[REDACTED:").append(label).append(']');
    }

    private static void appendPartial(String label, CharSequence text, int start, int end, int knownPrefix,
                                      StringBuilder out) {
        int bodyStart = start + knownPrefix;
        int bodyLength = end - bodyStart;
        if (bodyLength < PARTIAL_MIN_LENGTH) {
            if (knownPrefix > 0) {
                out.append(text, start, bodyStart).append("****");
            } else {
                appendMask(label, out);
            }
            return;
        }
        if (knownPrefix > 0) {
            out.append(text, start, bodyStart + 4).append("****").append(text, end - 4, end);
        } else {
            out.append(text, start, start + 2).append("********").append(text, end - 2, end);
        }
    }
}
