package dev.logshield.redact.json;

import java.util.concurrent.atomic.AtomicBoolean;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;

/** A decorator whose generator fails when the event's root object is closed, while {@link #ARMED}. */
public class ExplodingGeneratorDecorator implements JsonGeneratorDecorator {

    static final AtomicBoolean ARMED = new AtomicBoolean();

    @Override
    public JsonGenerator decorate(JsonGenerator generator) {
        return new JsonGeneratorDelegate(generator, false) {
            @Override
            public JsonGenerator writeEndObject() {
                if (ARMED.get() && streamWriteContext().getParent() != null && streamWriteContext().getParent().inRoot()) {
                    throw new IllegalStateException("generator failed");
                }
                return super.writeEndObject();
            }
        };
    }
}
