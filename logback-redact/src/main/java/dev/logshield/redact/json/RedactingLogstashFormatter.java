package dev.logshield.redact.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import java.util.HashSet;
import java.util.Set;
import net.logstash.logback.LogstashFormatter;
import tools.jackson.core.JsonGenerator;

/**
 * {@code LogstashFormatter} whose providers run through {@link ProviderIsolation}: top-level application data
 * cannot take a standard field's name, and one failing provider cannot lose the event.
 */
final class RedactingLogstashFormatter extends LogstashFormatter {

    private volatile ProviderIsolation<ILoggingEvent> isolation;

    RedactingLogstashFormatter(ContextAware declaredOrigin) {
        super(declaredOrigin);
    }

    @Override
    public void start() {
        super.start();
        Set<String> protectedNames = new HashSet<>(ProtectedFieldNames.of(getFieldNames()));
        protectedNames.addAll(ProtectedFieldNames.of(getProviders().getProviders()));
        isolation = new ProviderIsolation<>(getProviders().getProviders(), protectedNames, this);
    }

    @Override
    protected void writeEventToGenerator(JsonGenerator generator, ILoggingEvent event) {
        generator.writeStartObject();
        isolation.writeTo(generator, event);
        generator.writeEndObject();
        generator.flush();
    }
}
