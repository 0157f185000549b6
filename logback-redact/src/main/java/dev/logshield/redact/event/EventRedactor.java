package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Builds the redacted view of a logging event with one compiled engine: the formatted message and its template,
 * the placeholder arguments ({@link ArgumentRedaction}), MDC values and key-value pairs (masked whole under a
 * sensitive name), markers and structured arguments ({@code StructuredValues}), and the throwable at any depth
 * ({@link ThrowableRewriter}). When nothing matched, the answer is the event itself, found without allocating
 * (for events whose key-value pairs hold only strings and whose arguments were all placed in the message).
 *
 * <p>Logback components reach it through the per-context shared engine, which remembers each thread's last view
 * so that every appender of one event shares one scan; see {@code RedactionEngineHandle#view}.
 */
public final class EventRedactor {

    /** The class of the read-only MDC copies Logback's MDC adapter hands to events. */
    private static final Class<?> READ_ONLY_MAP = Collections.unmodifiableMap(new HashMap<>()).getClass();

    private EventRedactor() {
    }

    /**
     * The redacted view of {@code event}, the event itself when nothing in it matched, or {@code event} as is when
     * it is already a view made by {@code redactor}. Never throws: when redaction fails, {@code failures} is told
     * and the answer withholds every part that could hold a secret ({@link Redactor#FAILED}).
     */
    public static ILoggingEvent redact(ILoggingEvent event, Redactor redactor, Consumer<Throwable> failures) {
        return redact(event, redactor, failures, new Scratch());
    }

    /**
     * As {@link #redact(ILoggingEvent, Redactor, Consumer)}, with {@code scratch} space the caller keeps for the
     * current thread, so that a clean event costs no allocation at all.
     */
    public static ILoggingEvent redact(ILoggingEvent event, Redactor redactor, Consumer<Throwable> failures,
            Scratch scratch) {
        if (event == null) {
            return null;
        }
        if (event instanceof RedactedEvent view && view.redactedBy() == redactor) {
            return event;
        }
        Scratch own = scratch.inUse ? new Scratch() : scratch; // an argument's toString() that logs comes back here
        own.inUse = true;
        try {
            return build(event, redactor, own);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            try {
                failures.accept(e);
            } catch (RuntimeException ignored) {
                // the report is best effort; the event is withheld either way
            }
            return RedactedEvent.failed(event, redactor);
        } finally {
            own.inUse = false;
        }
    }

    private static ILoggingEvent build(ILoggingEvent event, Redactor redactor, Scratch scratch) {
        String formatted = event.getFormattedMessage();
        Object[] args = event.getArgumentArray();
        boolean hasArgs = args != null && args.length > 0;
        RedactedSpans spans = scratch.spans;
        spans.clear();
        // one pass over the message; what it replaced tells which arguments to replace too
        String redactedFormatted = hasArgs ? redactor.redact(formatted, spans) : redactor.redact(formatted);
        boolean formattedChanged = redactedFormatted != formatted;
        String template = event.getMessage();
        String redactedTemplate = template;
        Object[] redactedArgs = args;
        if (template == formatted) {
            redactedTemplate = redactedFormatted;
        }
        if (hasArgs) {
            PlaceholderLayout layout = formattedChanged ? PlaceholderLayout.locate(template, args, formatted) : null;
            redactedArgs = ArgumentRedaction.redact(args, scratch.consumed(template, args.length), formatted,
                    formattedChanged ? spans : null, layout,
                    redactor);
            if (formattedChanged && template != formatted && (layout == null || spans.anyOutside(layout))) {
                redactedTemplate = redactor.redact(template); // a secret lies (partly) in the template's own text
            }
        }

        Map<String, String> mdc = event.getMDCPropertyMap();
        Map<String, String> redactedMdc = scratch.redactedMdc(mdc, redactor);

        List<KeyValuePair> pairs = event.getKeyValuePairs();
        List<KeyValuePair> redactedPairs = redactPairs(pairs, redactor);

        List<Marker> markers = event.getMarkerList();
        List<Marker> redactedMarkers = StructuredValues.redactMarkers(markers, redactor);

        IThrowableProxy proxy = event.getThrowableProxy();
        IThrowableProxy redactedProxy = proxy == null ? null : ThrowableRewriter.rewrite(proxy, redactor::redact);

        if (!formattedChanged && redactedTemplate == template && redactedArgs == args && redactedMdc == mdc
                && redactedPairs == pairs && redactedMarkers == markers && redactedProxy == proxy) {
            return event;
        }
        return new RedactedEvent(event, redactor, redactedTemplate, redactedArgs, redactedFormatted, redactedMdc,
                redactedPairs, redactedMarkers, redactedProxy);
    }

    /**
     * Working space for one thread at a time: the spans a message's redaction replaced, the MDC check (through
     * {@code Map.forEach}: an iterator over the read-only map Logback hands out would be allocated per event) and
     * the answer for the thread's last MDC. Keep one per thread; not thread-safe.
     */
    public static final class Scratch {

        private final MdcRedaction mdcRedaction = new MdcRedaction();
        private final RedactedSpans spans = new RedactedSpans();
        private boolean inUse;
        private Map<String, String> lastMdc;
        private Redactor lastMdcRedactor;
        private Map<String, String> lastMdcRedacted;
        private String lastTemplate;
        private int lastArgumentCount;
        private int lastConsumed;

        /**
         * How many of {@code argumentCount} arguments {@code template}'s placeholders take. Templates are mostly
         * constants, one instance per call site, so the answer for the thread's last template instance is kept.
         */
        int consumed(String template, int argumentCount) {
            if (template != lastTemplate || argumentCount != lastArgumentCount || template == null) {
                lastConsumed = PlaceholderLayout.consumed(template, argumentCount);
                lastTemplate = template;
                lastArgumentCount = argumentCount;
            }
            return lastConsumed;
        }

        /**
         * The MDC with every value redacted under its key; {@code mdc} itself when nothing changed. Logback hands every
         * event of a thread the same read-only copy of the MDC until the MDC changes, so the answer for the last such
         * copy is kept: the events of one request pay for their MDC once. Only Logback's read-only copies are kept
         * (an unmodifiable map over a private copy); any other map is checked every time.
         */
        Map<String, String> redactedMdc(Map<String, String> mdc, Redactor redactor) {
            if (mdc == null || mdc.isEmpty()) {
                return mdc;
            }
            if (mdc == lastMdc && redactor == lastMdcRedactor) {
                return lastMdcRedacted;
            }
            Map<String, String> redacted = redactMdc(mdc, redactor);
            if (mdc.getClass() == READ_ONLY_MAP) {
                lastMdc = mdc;
                lastMdcRedactor = redactor;
                lastMdcRedacted = redacted;
            }
            return redacted;
        }

        /** The MDC with every value redacted, in one pass through {@code Map.forEach}; {@code mdc} when unchanged. */
        private Map<String, String> redactMdc(Map<String, String> mdc, Redactor redactor) {
            mdcRedaction.redactor = redactor;
            mdcRedaction.source = mdc;
            mdcRedaction.copy = null;
            try {
                mdc.forEach(mdcRedaction);
                return mdcRedaction.copy == null ? mdc : Collections.unmodifiableMap(mdcRedaction.copy);
            } finally {
                mdcRedaction.redactor = null;
                mdcRedaction.source = null;
                mdcRedaction.copy = null;
            }
        }
    }

    /** Redacts each MDC value under its key, copying the map at the first value that changes. */
    private static final class MdcRedaction implements BiConsumer<String, String> {
        Redactor redactor;
        Map<String, String> source;
        Map<String, String> copy;

        @Override
        public void accept(String key, String value) {
            String redacted = redactor.redactValue(key, value);
            if (redacted != value) {
                if (copy == null) {
                    copy = new HashMap<>(source);
                }
                copy.put(key, redacted);
            }
        }
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
            Object kept;
            if (StructuredValues.isStructured(value)) {
                kept = StructuredValues.redactArgument(value, redactor);
            } else {
                String text = value instanceof String s ? s : PlaceholderLayout.rendered(value);
                String redacted = redactor.redactValue(pair.key, text);
                kept = redacted != text ? redacted : value;
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
