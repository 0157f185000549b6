package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Builds the redacted view of a logging event with one compiled engine: the formatted message and its template,
 * the placeholder arguments ({@link ArgumentRedaction}), MDC values and key-value pairs (masked whole under a
 * sensitive name), markers and structured arguments ({@code StructuredValues}), and the throwable at any depth
 * ({@link ThrowableRedaction}). When nothing matched, the answer is the event itself, found without allocating
 * (for events whose key-value pairs hold only strings and whose arguments were all placed in the message).
 *
 * <p>Logback components reach it through the per-context shared engine, which remembers each thread's last view
 * so that every appender of one event shares one scan; see {@code RedactionEngineHandle#view}.
 */
public final class EventRedactor {

    private EventRedactor() {
    }

    /**
     * The redacted view of {@code event}, the event itself when nothing in it matched, or {@code event} as is when
     * it is already a view made by {@code redactor}. Never throws: when redaction fails, {@code failures} is told
     * and the answer withholds every part that could hold a secret ({@link Redactor#FAILED}).
     */
    public static ILoggingEvent redact(ILoggingEvent event, Redactor redactor, Consumer<Throwable> failures) {
        if (event == null) {
            return null;
        }
        if (event instanceof RedactedEvent view && view.redactedBy() == redactor) {
            return event;
        }
        try {
            return build(event, redactor);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            try {
                failures.accept(e);
            } catch (RuntimeException ignored) {
                // the report is best effort; the event is withheld either way
            }
            return RedactedEvent.failed(event, redactor);
        }
    }

    private static ILoggingEvent build(ILoggingEvent event, Redactor redactor) {
        String formatted = event.getFormattedMessage();
        String redactedFormatted = redactor.redact(formatted);
        boolean formattedChanged = redactedFormatted != formatted;
        String template = event.getMessage();
        String redactedTemplate = template == formatted ? redactedFormatted
                : formattedChanged ? redactor.redact(template) : template;

        Object[] args = event.getArgumentArray();
        Object[] redactedArgs = args == null || args.length == 0 ? args
                : ArgumentRedaction.redact(template, args, formatted, formattedChanged, redactor);

        Map<String, String> mdc = event.getMDCPropertyMap();
        Map<String, String> redactedMdc = redactMdc(mdc, redactor);

        List<KeyValuePair> pairs = event.getKeyValuePairs();
        List<KeyValuePair> redactedPairs = redactPairs(pairs, redactor);

        List<Marker> markers = event.getMarkerList();
        List<Marker> redactedMarkers = StructuredValues.redactMarkers(markers, redactor);

        IThrowableProxy proxy = event.getThrowableProxy();
        IThrowableProxy redactedProxy = ThrowableRedaction.redact(proxy, redactor);

        if (!formattedChanged && redactedTemplate == template && redactedArgs == args && redactedMdc == mdc
                && redactedPairs == pairs && redactedMarkers == markers && redactedProxy == proxy) {
            return event;
        }
        return new RedactedEvent(event, redactor, redactedTemplate, redactedArgs, redactedFormatted, redactedMdc,
                redactedPairs, redactedMarkers, redactedProxy);
    }

    /** The MDC with every value redacted under its key; {@code mdc} itself when nothing changed. */
    private static Map<String, String> redactMdc(Map<String, String> mdc, Redactor redactor) {
        if (mdc == null || mdc.isEmpty()) {
            return mdc;
        }
        Map<String, String> out = null;
        for (String key : mdc.keySet()) {
            String value = mdc.get(key);
            String redacted = redactor.redactValue(key, value);
            if (redacted != value) {
                if (out == null) {
                    out = new HashMap<>(mdc);
                }
                out.put(key, redacted);
            }
        }
        return out == null ? mdc : Collections.unmodifiableMap(out);
    }

    /** The pairs with every value redacted under its key (non-strings by their text); {@code pairs} when unchanged. */
    private static List<KeyValuePair> redactPairs(List<KeyValuePair> pairs, Redactor redactor) {
        if (pairs == null || pairs.isEmpty()) {
            return pairs;
        }
        List<KeyValuePair> out = null;
        for (int i = 0; i < pairs.size(); i++) {
            KeyValuePair pair = pairs.get(i);
            if (pair == null || pair.value == null) {
                continue;
            }
            Object value = pair.value;
            String text = value instanceof String s ? s : PlaceholderLayout.rendered(value);
            String redacted = redactor.redactValue(pair.key, text);
            Object kept = value;
            if (redacted != text) {
                kept = redacted;
            } else if (StructuredValues.isStructured(value)) {
                kept = StructuredValues.redactArgument(value, redactor);
            }
            if (kept != value) {
                if (out == null) {
                    out = new ArrayList<>(pairs);
                }
                out.set(i, new KeyValuePair(pair.key, kept));
            }
        }
        return out == null ? pairs : Collections.unmodifiableList(out);
    }
}
