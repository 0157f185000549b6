package dev.logshield.redact.json;

import net.logstash.logback.argument.StructuredArgument;
import tools.jackson.core.JsonGenerator;

/**
 * A structured argument that opens an object under a sensitive name, writes into it, opens an array, and throws:
 * the generator is left deep inside a masked structure.
 */
public final class HalfWrittenSecret implements StructuredArgument {

    @Override
    public void writeTo(JsonGenerator generator) {
        generator.writeName("secret");
        generator.writeStartObject();
        generator.writeStringProperty("inner", "x");
        generator.writeName("deeper");
        generator.writeStartArray();
        generator.writeString("y");
        throw new IllegalStateException("failed half-way");
    }

    @Override
    public String toString() {
        return "half-written";
    }
}
