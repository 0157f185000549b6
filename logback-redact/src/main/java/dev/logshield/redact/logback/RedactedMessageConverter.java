package dev.logshield.redact.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} / {@code %redactedMessage}: the formatted message (arguments, {@code kv(...)} and structured
 * arguments rendered into it included), redacted and neutralised.
 *
 * <pre>{@code <conversionRule conversionWord="redactedMessage" class="dev.logshield.redact.logback.RedactedMessageConverter"/>}</pre>
 */
public class RedactedMessageConverter extends ClassicConverter implements RedactingConverter {

    private final ConverterBinding binding = new ConverterBinding();

    @Override
    public void bind(EventPreparer preparer) {
        binding.bind(preparer);
    }

    @Override
    public void start() {
        binding.ensureBound(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return binding.get().prepare(event).getFormattedMessage();
    }
}
