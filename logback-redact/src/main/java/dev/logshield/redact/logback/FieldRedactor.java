package dev.logshield.redact.logback;

import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.text.LogInjectionEscaper;

/**
 * What a converter applies to each piece of user data it prints: redaction by the shared engine, then (when
 * on) log-injection neutralisation. Immutable.
 */
final class FieldRedactor {

    private final SharedRedactionEngine engine;
    private final boolean neutralize;

    FieldRedactor(SharedRedactionEngine engine, boolean neutralize) {
        this.engine = engine;
        this.neutralize = neutralize;
    }

    /** Free text: a message, a marker, an exception message. */
    String text(String text) {
        try {
            String r = engine.redact(text);
            return neutralize ? LogInjectionEscaper.escape(r) : r;
        } catch (RuntimeException e) {
            return Redactor.FAILED; // fail closed: never print what could not be redacted
        }
    }

    /** A named value (MDC entry, key-value pair): masked whole when the name is sensitive. */
    String value(String key, String value) {
        try {
            String r = engine.redactValue(key, value);
            return neutralize ? LogInjectionEscaper.escape(r) : r;
        } catch (RuntimeException e) {
            return Redactor.FAILED;
        }
    }

    /** A key or name printed as is, only neutralised. */
    String name(String name) {
        return neutralize ? LogInjectionEscaper.escape(name) : name;
    }

    /** Redacts without neutralising (for text whose line structure must stay, like stack traces). */
    String redactOnly(String text) {
        return engine.redact(text);
    }

    boolean neutralizes() {
        return neutralize;
    }
}
