package dev.logshield.redact.logback;

import ch.qos.logback.core.Context;

/** Holds a converter's {@link FieldRedactor}, falling back to the context default when none was bound. */
final class ConverterBinding {

    private FieldRedactor redactor;

    void bind(FieldRedactor redactor) {
        this.redactor = redactor;
    }

    /** Called from the converter's {@code start()}: a standalone converter gets the context's default engine. */
    void ensureBound(Context context) {
        if (redactor == null) {
            redactor = new FieldRedactor(RedactionEngineRegistry.defaultEngine(context), true);
        }
    }

    FieldRedactor get() {
        return redactor;
    }
}
