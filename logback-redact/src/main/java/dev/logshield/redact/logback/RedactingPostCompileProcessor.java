package dev.logshield.redact.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.ConverterUtil;
import ch.qos.logback.core.pattern.PostCompileProcessor;
import java.util.function.Supplier;

/**
 * Runs after a {@link RedactingPatternLayout} compiles its pattern: tells every LogShield converter (inside
 * composites such as {@code %replace(...)} and {@code %highlight(...)} too) that the layout hands it events already
 * redacted and neutralised, and, like Logback's {@code EnsureExceptionHandling}, appends a throwable converter when
 * the pattern has none, so the stack trace Logback prints on its own comes from the redacted view as well.
 */
final class RedactingPostCompileProcessor implements PostCompileProcessor<ILoggingEvent> {

    private final Supplier<EventPreparer> preparer;

    RedactingPostCompileProcessor(Supplier<EventPreparer> preparer) {
        this.preparer = preparer;
    }

    @Override
    public void process(Context context, Converter<ILoggingEvent> head) {
        if (head == null) {
            return;
        }
        EventPreparer r = preparer.get();
        boolean handlesThrowable = bindAll(head, r);
        if (!handlesThrowable) {
            boolean packagingData = context instanceof LoggerContext && ((LoggerContext) context).isPackagingDataEnabled();
            Converter<ILoggingEvent> ex = packagingData ? new RedactedExtendedThrowableConverter() : new RedactedThrowableConverter();
            ((RedactingConverter) ex).bind(r);
            ConverterUtil.findTail(head).setNext(ex);
        }
    }

    /** Binds every redacting converter in the chain; true when some converter handles throwables. */
    private static boolean bindAll(Converter<ILoggingEvent> head, EventPreparer r) {
        boolean handlesThrowable = false;
        for (Converter<ILoggingEvent> c = head; c != null; c = c.getNext()) {
            if (c instanceof RedactingConverter) {
                ((RedactingConverter) c).bind(r);
            }
            if (c instanceof ThrowableHandlingConverter) {
                handlesThrowable = true;
            }
            if (c instanceof CompositeConverter) {
                handlesThrowable |= bindAll(((CompositeConverter<ILoggingEvent>) c).getChildConverter(), r);
            }
        }
        return handlesThrowable;
    }
}
