package dev.logshield.redact.logback;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %xEx, %xException, %xThrowable}: Logback's %xEx (with packaging data) with every exception message, cause message and suppressed
 * message redacted and neutralised (they often hold JDBC URLs with passwords, tokens or user data). Options are
 * Logback's (depth, evaluators).
 */
public class RedactedExtendedThrowableConverter extends ExtendedThrowableProxyConverter implements RedactingConverter {

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
        return super.convert(binding.get().prepare(event));
    }
}
