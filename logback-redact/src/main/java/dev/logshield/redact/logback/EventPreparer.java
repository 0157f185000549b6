package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.redact.text.LogInjectionEscaper;

/**
 * How a redacting layout or converter gets an event ready to print: the shared engine's redacted view, then, when
 * neutralisation is on, a {@link NeutralizedEvent} over it. Converters inside a {@link RedactingPatternLayout} get
 * events the layout already prepared ({@link #preparedByLayout}); a converter registered on its own in a plain
 * layout prepares each event itself. Immutable.
 */
final class EventPreparer {

    private final SharedRedactionEngine engine;
    private final boolean neutralize;
    /** Each thread's escaped thread and logger names; per preparer, not static, so no thread pins the class loader. */
    private final ThreadLocal<RecentTexts> escapedNames = ThreadLocal.withInitial(RecentTexts::new);

    EventPreparer(SharedRedactionEngine engine, boolean neutralize) {
        this.engine = engine;
        this.neutralize = neutralize;
    }

    /** For converters inside a layout that already handed them the prepared event. */
    static EventPreparer preparedByLayout(boolean neutralize) {
        return new EventPreparer(null, neutralize);
    }

    /** The event redacted and, when on, neutralised; as it is when the layout prepared it. Never throws. */
    ILoggingEvent prepare(ILoggingEvent event) {
        if (engine == null) {
            return event;
        }
        ILoggingEvent view = engine.view(event);
        return neutralize ? new NeutralizedEvent(view, escapedNames.get()) : view;
    }

    /** Neutralises text a converter renders from parts {@link NeutralizedEvent} does not cover (markers). */
    String neutralized(String text) {
        return neutralize ? LogInjectionEscaper.escape(text) : text;
    }
}
