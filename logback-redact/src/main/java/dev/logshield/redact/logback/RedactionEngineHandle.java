package dev.logshield.redact.logback;

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

    /** Redacts {@code text} with the engine in force, reusing this thread's last result for the same instance. */
    public String redact(String text) {
        return engine.redact(text);
    }
}
