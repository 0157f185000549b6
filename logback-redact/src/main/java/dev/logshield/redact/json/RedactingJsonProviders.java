package dev.logshield.redact.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code <providers>} of a {@code LoggingEventCompositeJsonEncoder}, run so that the
 * {@link RedactingJsonGeneratorDecorator} of the same encoder knows which provider writes: top-level fields
 * written by {@code <mdc>}, {@code <keyValuePairs>}, {@code <arguments>} and {@code <logstashMarkers>} cannot take
 * the name of a field written by the other providers ({@code mdc.level}, {@code arg.message},
 * {@code marker.tags}...), and a provider that throws no longer loses the event: its partial output is closed, the
 * failure is written as {@code logshield_error}, and the next provider runs.
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder">
 *   <providers class="dev.logshield.redact.json.RedactingJsonProviders">
 *     <timestamp/><logLevel/><loggerName/><message/><mdc/><keyValuePairs/><arguments/><logstashMarkers/><stackTrace/>
 *   </providers>
 *   <decorator class="dev.logshield.redact.json.RedactingJsonGeneratorDecorator"/>
 * </encoder>
 * }</pre>
 * Without the decorator in the same encoder it refuses to write (fail closed) and reports an error.
 */
public class RedactingJsonProviders extends LoggingEventJsonProviders {

    private final ContextAwareBase status = new ContextAwareBase();
    private volatile ProviderIsolation<ILoggingEvent> isolation;

    @Override
    public void setContext(Context context) {
        status.setContext(context);
        super.setContext(context);
    }

    @Override
    public void start() {
        super.start();
        isolation = new ProviderIsolation<>(getProviders(), ProtectedFieldNames.of(getProviders()), status);
    }

    @Override
    public void stop() {
        isolation = null;
        super.stop();
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) {
        ProviderIsolation<ILoggingEvent> i = isolation;
        if (i == null) {
            i = new ProviderIsolation<>(getProviders(), ProtectedFieldNames.of(getProviders()), status);
            isolation = i;
        }
        i.writeTo(generator, event);
    }
}
