package dev.logshield.benchmarks;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.status.Status;
import java.util.Map;

/**
 * Proves, in each benchmark's setup, that the component under test does its job on the very message it will
 * be timed on, so that no benchmark silently measures a misconfigured (and so cheaper) component.
 */
final class SetupChecks {

    private SetupChecks() {
    }

    /** Throws when a component of {@code context} reported an error: it might be running half-configured. */
    static void requireNoErrors(String component, Context context) {
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            if (s.getEffectiveLevel() >= Status.ERROR) {
                throw new IllegalStateException(component + " reported an error: " + s);
            }
        }
    }

    /** The output shows {@code message} exactly as formatted: nothing masked, nothing lost. */
    static void requireVerbatim(String scenario, String output, String message) {
        if (!output.contains(message)) {
            throw new IllegalStateException(scenario + ": the output does not contain the message verbatim.\n  message: "
                    + message + "\n  output:  " + output);
        }
    }

    /** The output contains every marker and none of the kind's raw secrets. */
    static void requireMasked(String scenario, String output, MessageKind kind, Iterable<String> markers) {
        requireMasked(scenario, output, markers, kind.secrets());
    }

    /**
     * The output contains every marker and none of the raw {@code secrets}. A failure quotes the output around what
     * is wrong, not all of it (adversarial texts are a megabyte long).
     */
    static void requireMasked(String scenario, String output, Iterable<String> markers, Iterable<String> secrets) {
        for (String marker : markers) {
            if (!output.contains(marker)) {
                throw new IllegalStateException(scenario + ": expected '" + marker + "' in the output: "
                        + excerpt(output, output.length()));
            }
        }
        for (String secret : secrets) {
            int at = output.indexOf(secret);
            if (at >= 0) {
                throw new IllegalStateException(scenario + ": the secret '" + secret + "' leaked: " + excerpt(output, at));
            }
        }
    }

    /** {@code text} whole when short, else up to 200 characters either side of {@code at}. */
    private static String excerpt(String text, int at) {
        if (text.length() <= 600) {
            return text;
        }
        int from = Math.max(0, at - 200);
        int to = Math.min(text.length(), at + 200);
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "")
                + " (" + text.length() + " characters)";
    }

    /** The usual check: verbatim for a clean message, masked (with {@code markers}) for a secret one. */
    static void require(String scenario, String output, MessageKind kind, String message, Iterable<String> markers) {
        if (kind.hasSecrets()) {
            requireMasked(scenario, output, kind, markers);
        } else {
            requireVerbatim(scenario, output, message);
        }
    }

    /** A JSON line shows each MDC entry of the event as a top-level string field, as {@code LogstashEncoder} writes it. */
    static void requireJsonMdc(String scenario, String output, Map<String, String> mdc) {
        for (Map.Entry<String, String> e : mdc.entrySet()) {
            String field = "\"" + e.getKey() + "\":\"" + e.getValue() + "\"";
            if (!output.contains(field)) {
                throw new IllegalStateException(scenario + ": the MDC field " + field + " is not in the output: " + output);
            }
        }
    }
}
