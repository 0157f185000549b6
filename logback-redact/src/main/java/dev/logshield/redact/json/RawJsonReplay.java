package dev.logshield.redact.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Raw JSON handed to a generator ({@code writeRawValue}: {@code Markers.appendRaw},
 * {@code StructuredArguments.raw}, Jackson's {@code RawValue}) is never copied verbatim: it is parsed and
 * written again token by token through the redacting generator, so its names and values are redacted, escaped
 * and de-duplicated like any other. Text that is not exactly one JSON value is written as a (redacted) string.
 */
final class RawJsonReplay {

    private static final JsonFactory FACTORY = new JsonFactory();

    private RawJsonReplay() {
    }

    /** True when {@code text} is exactly one JSON value, surrounded by nothing but whitespace. */
    static boolean isSingleValue(String text) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (JacksonException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the single JSON value in {@code text} (checked with {@link #isSingleValue}) through {@code target}. */
    static void replay(String text, JsonGenerator target) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> target.writeStartObject();
                    case END_OBJECT -> target.writeEndObject();
                    case START_ARRAY -> target.writeStartArray();
                    case END_ARRAY -> target.writeEndArray();
                    case PROPERTY_NAME -> target.writeName(p.currentName());
                    case VALUE_STRING -> target.writeString(p.getString());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> target.writeNumber(p.getString());
                    case VALUE_TRUE -> target.writeBoolean(true);
                    case VALUE_FALSE -> target.writeBoolean(false);
                    default -> target.writeNull();
                }
            }
        }
    }
}
