package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.redact.engine.Redactor;

/**
 * A component's view of a shared redaction engine (see {@link RedactionSettings#engineFor}): the engine in force
 * now, which changes when a watched policy file is reloaded. Thread-safe.
 */
public final class RedactionEngineHandle {

    private final SharedRedactionEngine engine;

    RedactionEngineHandle(SharedRedactionEngine engine) {
        this.engine = engine;
    }

    /** The compiled engine in force now; take it once per event so that one event sees one policy. */
    public Redactor redactor() {
        return engine.redactor();
    }

    /**
     * The redacted view of {@code event}: the event itself when nothing in it matched. Computed once per event and
     * engine on each thread, however many components ask; never throws (a failure withholds the event's data).
     */
    public ILoggingEvent view(ILoggingEvent event) {
        return engine.view(event);
    }

    /** Redacts {@code text} with the engine in force, reusing this thread's result for the same short instance. */
    public String redact(String text) {
        return engine.redact(text);
    }

    /**
     * Redacts {@code text} with {@code redactor}, the engine an event's writing started with ({@link #redactor()}),
     * reusing this thread's result for the same short instance: a logger name, a thread name, an MDC value.
     */
    public String redact(Redactor redactor, String text) {
        return engine.redact(redactor, text);
    }
}
