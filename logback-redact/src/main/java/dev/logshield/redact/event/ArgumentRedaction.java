package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.engine.Rule;

/**
 * Redacts a message's placeholder arguments, so that a consumer reading the template and the arguments apart
 * (OpenTelemetry's {@code captureArguments}: {@code hello password={}} and {@code [hunter2]}) learns no more than
 * the redacted formatted message shows:
 * <ul>
 * <li>an argument whose text lies, even in part, in a span the formatted message's redaction replaced is replaced
 * too, rendered whole with that span's rule and action, even when it is harmless on its own ({@code hunter2}
 * after {@code password=}); its place is found by re-playing the template ({@link PlaceholderLayout}), or, when
 * that does not reproduce the message, any place of its text counts;</li>
 * <li>an argument no placeholder consumed (it never reached the formatted message) is redacted on its own;</li>
 * <li>structured arguments (logstash-logback-encoder's) keep their structure with their values redacted.</li>
 * </ul>
 * Arguments nothing matched stay the same objects; the array is copied only when one changed.
 */
final class ArgumentRedaction {

    private ArgumentRedaction() {
    }

    /**
     * @param consumed  how many arguments the template's placeholders take ({@link PlaceholderLayout#consumed})
     * @param formatted the original formatted message
     * @param spans     what its redaction replaced, or null when it replaced nothing
     * @param layout    where each argument sits in it ({@link PlaceholderLayout#locate}), or null when unknown
     * @return {@code args} itself when nothing changed
     */
    static Object[] redact(Object[] args, int consumed, String formatted, RedactedSpans spans,
            PlaceholderLayout layout, Redactor redactor) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                continue;
            }
            Object redacted = redactOne(arg, i < consumed, i, layout, spans, formatted, redactor);
            if (redacted != arg) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = redacted;
            }
        }
        return out;
    }

    private static Object redactOne(Object arg, boolean consumed, int index, PlaceholderLayout layout,
            RedactedSpans spans, String formatted, Redactor redactor) {
        if (StructuredValues.isStructured(arg)) {
            Object structured = StructuredValues.redactArgument(arg, redactor);
            if (structured != arg || spans == null || !consumed) {
                return structured;
            }
            String text = PlaceholderLayout.rendered(arg);
            return replacedIfCovered(arg, text, index, layout, spans, formatted, redactor);
        }
        if (consumed) {
            // it is in the formatted message: replaced whole when the message's redaction replaced any of it
            return spans == null ? arg
                    : replacedIfCovered(arg, PlaceholderLayout.rendered(arg), index, layout, spans, formatted, redactor);
        }
        if (!(arg instanceof CharSequence) && isPlainValue(arg)) {
            return arg;
        }
        String text = PlaceholderLayout.rendered(arg);
        String alone = redactor.redact(text); // it never reached the message: redacted on its own
        return alone != text ? alone : arg;
    }

    /**
     * The argument rendered whole with the rule of a replaced span over its place in the message (over any place of
     * its text when the places are unknown), or the argument itself when no replaced span covers it.
     */
    private static Object replacedIfCovered(Object arg, String text, int index, PlaceholderLayout layout,
            RedactedSpans spans, String formatted, Redactor redactor) {
        int span = layout != null ? spans.overlapping(layout.starts[index], layout.ends[index])
                : spans.overlappingAnyOccurrence(formatted, text);
        if (span < 0) {
            return arg;
        }
        Rule rule = spans.rule(span);
        return rule == null ? Redactor.FAILED : redactor.renderWhole(rule.action(), rule.name(), text);
    }

    /** Values whose text cannot hold a secret: no need to render them. */
    private static boolean isPlainValue(Object arg) {
        return arg instanceof Boolean || arg instanceof Enum<?>;
    }
}
