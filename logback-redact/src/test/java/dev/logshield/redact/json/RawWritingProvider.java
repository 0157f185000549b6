package dev.logshield.redact.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider that writes through every low-level generator method that could bypass redaction or escaping:
 * raw UTF-8, raw JSON fragments, numbers given as text, pre-encoded names, embedded objects, trees, readers.
 */
public class RawWritingProvider extends AbstractJsonProvider<ILoggingEvent> {

    static final String EMAIL = "jane.doe@example.com";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public void writeTo(JsonGenerator g, ILoggingEvent event) {
        g.writeName("rawUtf8");
        byte[] raw = (EMAIL + " \"quoted\" \u202e").getBytes(StandardCharsets.UTF_8);
        g.writeRawUTF8String(raw, 0, raw.length);
        g.writeName("utf8");
        g.writeUTF8String(raw, 0, raw.length);
        g.writeName("numberText");
        g.writeNumber("1,\"level\":\"FORGED\"");
        g.writeName("numberChars");
        char[] card = "4111111111111111".toCharArray();
        g.writeNumber(card, 0, card.length);
        g.writeName("fragment");
        g.writeRaw("{\"token\":\"abc123\",\"contact\":\"" + EMAIL + "\"}");
        g.writeRaw(",\"level\":\"FORGED2\""); // not in a value position: must be dropped
        g.writeName("embedded");
        g.writeEmbeddedObject(Map.of("password", "hunter2"));
        g.writeName("tree");
        g.writeTree(MAPPER.readTree("{\"apiKey\":\"abc123\",\"contact\":\"" + EMAIL + "\"}"));
        g.writeName("chars");
        char[] chars = EMAIL.toCharArray();
        g.writeString(chars, 0, chars.length);
        g.writeName("reader");
        g.writeString(new StringReader(EMAIL), -1);
        g.writeName("serializable");
        g.writeString(new SerializedString(EMAIL));
        g.writeName(new SerializedString("password"));
        g.writeString("hunter2");
        g.writeName("nan");
        g.writeNumber(Double.NaN);
        g.writeName("ints");
        g.writeArray(new long[] {1L, 4111111111111111L}, 0, 2);
        g.writeName("dangling"); // no value: the object must not be closed as {"dangling":}
    }
}
