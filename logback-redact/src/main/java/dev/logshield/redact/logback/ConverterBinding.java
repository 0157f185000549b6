package dev.logshield.redact.logback;

import ch.qos.logback.core.Context;

/** Holds a converter's {@link EventPreparer}, falling back to the context default when none was bound. */
final class ConverterBinding {

    private EventPreparer preparer;

    void bind(EventPreparer preparer) {
        this.preparer = preparer;
    }

    /** Called from the converter's {@code start()}: a standalone converter gets the context's default engine. */
    void ensureBound(Context context) {
        if (preparer == null) {
            preparer = new EventPreparer(RedactionEngineRegistry.defaultEngine(context), true);
        }
    }

    EventPreparer get() {
        return preparer;
    }
}
