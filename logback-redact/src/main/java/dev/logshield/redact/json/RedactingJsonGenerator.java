package dev.logshield.redact.json;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.json.FieldFrames.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TreeNode;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * The generator every provider of a logstash encoder writes through when {@link RedactingJsonGeneratorDecorator}
 * is installed. Nothing reaches the real generator unredacted:
 *
 * <ul>
 *   <li>every string value (all {@code writeString} overloads, UTF-8 bytes, readers) and every name is redacted by
 *       the engine and capped; numbers are redacted as text and written as a string when that changed them;</li>
 *   <li>a value under a sensitive name (the engine's {@code SensitiveKeyMatcher}) is replaced whole whatever its
 *       type; an object, array, POJO or tree under such a name becomes one mask string and its nested writes are
 *       swallowed (null stays null);</li>
 *   <li>raw JSON is parsed and written again through this generator (see {@link RawJsonReplay}); numbers given as
 *       text must be JSON numbers; POJOs and trees are serialised through this generator;</li>
 *   <li>field names are made unique per object and protected at the top level ({@link FieldNamer});</li>
 *   <li>a POJO or raw value that fails half-way is closed off, replaced by a placeholder and reported in
 *       {@code logshield_error}/{@code logshield_error_flag} at the end of the event.</li>
 * </ul>
 *
 * <p>Logstash reuses one generator per thread. All state belongs to the current event: it is reset when the root
 * structure opens and when it closes, and on {@link #close()}. Not thread-safe, like any generator.
 */
final class RedactingJsonGenerator extends JsonGeneratorDelegate {

    private final JsonRedaction config;
    private final EventScope scope;

    RedactingJsonGenerator(JsonGenerator delegate, JsonRedaction config) {
        super(delegate, false); // POJOs, trees and copies are written through this generator, not around it
        this.config = config;
        this.scope = new EventScope(config.redactor());
    }

    /** The redacting generator in a chain of decorators, or null. */
    static RedactingJsonGenerator find(JsonGenerator generator) {
        JsonGenerator g = generator;
        while (g != null) {
            if (g instanceof RedactingJsonGenerator r) {
                return r;
            }
            g = g instanceof JsonGeneratorDelegate d ? d.delegate() : null;
        }
        return null;
    }

    // ---- hooks for the provider loop (ProviderIsolation)

    /** Says who writes the next top-level fields, and which names those may not take. */
    void enterSource(FieldSource next, Set<String> protectedNames) {
        enterSource(next, protectedNames, false);
    }

    /**
     * As above; {@code trustedValues} says the provider writes only values the application cannot influence
     * (timestamp, version, level), which are then written without running the engine.
     */
    void enterSource(FieldSource next, Set<String> protectedNames, boolean trustedValues) {
        scope.source = next;
        scope.protectedNames = protectedNames;
        scope.trustedValues = trustedValues;
    }

    int depth() {
        return scope.frames.size();
    }

    long writes() {
        return scope.writes;
    }

    /**
     * After a failure: closes what was opened below {@code depth}, fills a value left pending with a placeholder,
     * and records {@code failure} for {@code logshield_error}. False when the real generator cannot continue.
     */
    boolean recover(int depth, long mark, String failure) {
        if (!scope.unwindTo(delegate, depth, mark, "[unserialisable]")) {
            return false;
        }
        recordFailure(failure);
        return true;
    }

    private void recordFailure(String failure) {
        config.reportFailure(failure);
        scope.recordFailure(failure);
    }

    private void writeEventErrors(Frame root) {
        String failures = scope.failures();
        if (failures == null) {
            return;
        }
        // reserved names (FieldNamer): nobody else can hold them, so they are written as they are
        delegate.writeName(FieldNamer.ERROR_FIELD);
        delegate.writeString(config.text(scope.redactor, failures));
        delegate.writeName(FieldNamer.ERROR_FLAG_FIELD);
        delegate.writeBoolean(true);
        root.names.add(FieldNamer.ERROR_FIELD);
        root.names.add(FieldNamer.ERROR_FLAG_FIELD);
    }

    private void writeMask(String value) {
        delegate.writeString(config.mask(scope.redactor, scope.slotName(), value));
        scope.wrote();
    }

    /** Before a structure opens; false when it must not be written (masked or inside a masked one). */
    private boolean opening() {
        if (scope.skipping()) {
            scope.skipDepth++;
            return false;
        }
        if (scope.frames.isEmpty()) {
            scope.reset(); // the root of a new event: nothing of the previous one may survive
            scope.redactor = config.redactor();
        }
        if (scope.sensitiveSlot()) {
            writeMask("");
            scope.skipDepth = 1;
            return false;
        }
        return true;
    }

    // ---- structure

    @Override
    public JsonGenerator writeStartObject() {
        if (opening()) {
            delegate.writeStartObject();
            scope.opened(true);
        }
        return this;
    }

    @Override
    public JsonGenerator writeStartObject(Object forValue) {
        if (opening()) {
            delegate.writeStartObject(forValue);
            scope.opened(true);
        }
        return this;
    }

    @Override
    public JsonGenerator writeStartObject(Object forValue, int size) {
        if (opening()) {
            delegate.writeStartObject(forValue, size);
            scope.opened(true);
        }
        return this;
    }

    @Override
    public JsonGenerator writeStartArray() {
        if (opening()) {
            delegate.writeStartArray();
            scope.opened(false);
        }
        return this;
    }

    @Override
    public JsonGenerator writeStartArray(Object forValue) {
        if (opening()) {
            delegate.writeStartArray(forValue);
            scope.opened(false);
        }
        return this;
    }

    @Override
    public JsonGenerator writeStartArray(Object forValue, int size) {
        if (opening()) {
            delegate.writeStartArray(forValue, size);
            scope.opened(false);
        }
        return this;
    }

    @Override
    public JsonGenerator writeEndObject() {
        if (scope.skipping()) {
            scope.skipDepth--;
            return this;
        }
        Frame f = scope.frames.top();
        if (f != null && f.object) {
            if (f.pendingName != null) {
                delegate.writeNull(); // Jackson would close {"name":} without complaint
                scope.wrote();
            }
            if (scope.frames.size() == 1) {
                writeEventErrors(f);
            }
        }
        delegate.writeEndObject();
        scope.closed();
        return this;
    }

    @Override
    public JsonGenerator writeEndArray() {
        if (scope.skipping()) {
            scope.skipDepth--;
            return this;
        }
        delegate.writeEndArray();
        scope.closed();
        return this;
    }

    // ---- names

    @Override
    public JsonGenerator writeName(String name) {
        name(name);
        return this;
    }

    @Override
    public JsonGenerator writeName(SerializableString name) {
        name(name.getValue()); // never the pre-encoded form: it would skip redaction and escapes
        return this;
    }

    @Override
    public JsonGenerator writePropertyId(long id) {
        name(Long.toString(id));
        return this;
    }

    private void name(String name) {
        if (scope.skipping()) {
            return;
        }
        Frame f = scope.frames.top();
        if (f == null || !f.object || f.pendingName != null || name == null) {
            delegate.writeName(name); // no place for a name here: Jackson reports it
            return;
        }
        boolean topLevel = scope.frames.size() == 1;
        String emitted = FieldNamer.name(config, scope.redactor, name, f.names, topLevel, scope.source, scope.protectedNames);
        delegate.writeName(emitted);
        f.names.add(emitted);
        f.pendingName = name;
        f.pendingSensitive = config.isSensitive(scope.redactor, name);
    }

    // ---- strings

    private void text(String value) {
        if (scope.skipping()) {
            return;
        }
        if (value == null) {
            delegate.writeNull();
        } else if (scope.sensitiveSlot()) {
            delegate.writeString(config.mask(scope.redactor, scope.slotName(), value));
        } else if (scope.trustedValues && scope.frames.size() == 1) {
            delegate.writeString(value); // a timestamp, version or level: no user data (escapes still apply)
        } else {
            delegate.writeString(config.text(scope.redactor, value));
        }
        scope.wrote();
    }

    @Override
    public JsonGenerator writeString(String text) {
        text(text);
        return this;
    }

    @Override
    public JsonGenerator writeString(char[] buffer, int offset, int len) {
        if (!scope.skipping()) {
            text(new String(buffer, offset, len));
        }
        return this;
    }

    @Override
    public JsonGenerator writeString(SerializableString text) {
        text(text == null ? null : text.getValue());
        return this;
    }

    @Override
    public JsonGenerator writeString(Reader reader, int len) {
        if (!scope.skipping()) {
            text(readAll(reader, len));
        }
        return this;
    }

    @Override
    public JsonGenerator writeUTF8String(byte[] buffer, int offset, int len) {
        if (!scope.skipping()) {
            text(new String(buffer, offset, len, StandardCharsets.UTF_8));
        }
        return this;
    }

    @Override
    public JsonGenerator writeRawUTF8String(byte[] buffer, int offset, int len) {
        if (!scope.skipping()) {
            text(new String(buffer, offset, len, StandardCharsets.UTF_8)); // "raw" would skip escaping
        }
        return this;
    }

    @Override
    public JsonGenerator writeArray(String[] array, int offset, int length) {
        _verifyOffsets(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset, end = offset + length; i < end; i++) {
            writeString(array[i]);
        }
        return writeEndArray();
    }

    // ---- raw JSON: parsed and written again, or written as text

    private void rawValue(String json) {
        if (scope.skipping()) {
            return;
        }
        if (json == null) {
            writeNull();
        } else if (scope.sensitiveSlot()) {
            writeMask("");
        } else if (RawJsonReplay.isSingleValue(json)) {
            int depth = scope.frames.size();
            long mark = scope.writes;
            try {
                RawJsonReplay.replay(json, this);
            } catch (RuntimeException e) {
                String failure = scope.source.label() + " raw JSON could not be written (" + e.getClass().getName() + ")";
                if (!recover(depth, mark, failure)) {
                    throw e;
                }
            }
        } else {
            text(json);
        }
    }

    /** {@code writeRaw} bypasses the generator's structure: only accepted where a value may go, as a raw value. */
    private void rawFragment(String fragment) {
        if (scope.skipping() || fragment == null || fragment.isBlank()) {
            return;
        }
        if (scope.inValuePosition()) {
            rawValue(fragment);
        } else {
            recordFailure(scope.source.label() + " raw JSON fragment outside a value was dropped");
        }
    }

    @Override
    public JsonGenerator writeRawValue(String text) {
        rawValue(text);
        return this;
    }

    @Override
    public JsonGenerator writeRawValue(String text, int offset, int len) {
        rawValue(text.substring(offset, offset + len));
        return this;
    }

    @Override
    public JsonGenerator writeRawValue(char[] text, int offset, int len) {
        rawValue(new String(text, offset, len));
        return this;
    }

    @Override
    public JsonGenerator writeRawValue(SerializableString raw) {
        rawValue(raw.getValue());
        return this;
    }

    @Override
    public JsonGenerator writeRaw(String text) {
        rawFragment(text);
        return this;
    }

    @Override
    public JsonGenerator writeRaw(String text, int offset, int len) {
        rawFragment(text.substring(offset, offset + len));
        return this;
    }

    @Override
    public JsonGenerator writeRaw(char[] text, int offset, int len) {
        rawFragment(new String(text, offset, len));
        return this;
    }

    @Override
    public JsonGenerator writeRaw(char c) {
        rawFragment(String.valueOf(c));
        return this;
    }

    @Override
    public JsonGenerator writeRaw(SerializableString raw) {
        rawFragment(raw.getValue());
        return this;
    }

    // ---- numbers, booleans, null, binary

    /** What to write instead of a number given as {@code textual}: a mask, a redacted string, or null for as is. */
    private String numberReplacement(String textual) {
        if (scope.sensitiveSlot()) {
            return config.mask(scope.redactor, scope.slotName(), textual);
        }
        if (scope.trustedValues && scope.frames.size() == 1) {
            return null; // level_value and the like
        }
        String r = config.redacted(scope.redactor, textual);
        return r.equals(textual) ? null : r;
    }

    @Override
    public JsonGenerator writeNumber(short v) {
        return writeNumber((int) v);
    }

    @Override
    public JsonGenerator writeNumber(int v) {
        if (!scope.skipping()) {
            String r = numberReplacement(Integer.toString(v));
            if (r == null) {
                delegate.writeNumber(v);
            } else {
                delegate.writeString(r);
            }
            scope.wrote();
        }
        return this;
    }

    @Override
    public JsonGenerator writeNumber(long v) {
        if (!scope.skipping()) {
            String r = numberReplacement(Long.toString(v));
            if (r == null) {
                delegate.writeNumber(v);
            } else {
                delegate.writeString(r);
            }
            scope.wrote();
        }
        return this;
    }

    @Override
    public JsonGenerator writeNumber(double v) {
        if (!scope.skipping()) {
            if (!Double.isFinite(v)) {
                text(Double.toString(v)); // NaN/Infinity are not JSON, whatever the generator's features say
                return this;
            }
            String r = numberReplacement(Double.toString(v));
            if (r == null) {
                delegate.writeNumber(v);
            } else {
                delegate.writeString(r);
            }
            scope.wrote();
        }
        return this;
    }

    @Override
    public JsonGenerator writeNumber(float v) {
        return Float.isFinite(v) ? writeNumber(Float.toString(v)) : writeNumber((double) v);
    }

    @Override
    public JsonGenerator writeNumber(BigInteger v) {
        return v == null ? writeNull() : writeNumber(v.toString());
    }

    @Override
    public JsonGenerator writeNumber(BigDecimal v) {
        return v == null ? writeNull() : writeNumber(v.toString());
    }

    @Override
    public JsonGenerator writeNumber(char[] buffer, int offset, int len) {
        return writeNumber(new String(buffer, offset, len));
    }

    @Override
    public JsonGenerator writeNumber(String encodedValue) {
        if (scope.skipping()) {
            return this;
        }
        if (encodedValue == null || !JsonNumberSyntax.isNumber(encodedValue)) {
            text(encodedValue); // Jackson would copy it verbatim: {"n":1,"level":"FORGED"}
            return this;
        }
        String r = numberReplacement(encodedValue);
        if (r == null) {
            delegate.writeNumber(encodedValue);
        } else {
            delegate.writeString(r);
        }
        scope.wrote();
        return this;
    }

    @Override
    public JsonGenerator writeArray(int[] array, int offset, int length) {
        _verifyOffsets(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset, end = offset + length; i < end; i++) {
            writeNumber(array[i]);
        }
        return writeEndArray();
    }

    @Override
    public JsonGenerator writeArray(long[] array, int offset, int length) {
        _verifyOffsets(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset, end = offset + length; i < end; i++) {
            writeNumber(array[i]);
        }
        return writeEndArray();
    }

    @Override
    public JsonGenerator writeArray(double[] array, int offset, int length) {
        _verifyOffsets(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset, end = offset + length; i < end; i++) {
            writeNumber(array[i]);
        }
        return writeEndArray();
    }

    @Override
    public JsonGenerator writeBoolean(boolean state) {
        if (!scope.skipping()) {
            if (scope.sensitiveSlot()) {
                writeMask(Boolean.toString(state));
            } else {
                delegate.writeBoolean(state);
                scope.wrote();
            }
        }
        return this;
    }

    @Override
    public JsonGenerator writeNull() {
        if (!scope.skipping()) {
            delegate.writeNull(); // under a sensitive name too: null tells nothing
            scope.wrote();
        }
        return this;
    }

    @Override
    public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int len) {
        if (!scope.skipping()) {
            if (scope.sensitiveSlot()) {
                writeMask("");
            } else {
                delegate.writeBinary(variant, data, offset, len);
                scope.wrote();
            }
        }
        return this;
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int dataLength) {
        if (scope.skipping() || scope.sensitiveSlot()) {
            int n = drain(data);
            if (!scope.skipping()) {
                writeMask("");
            }
            return n;
        }
        int n = delegate.writeBinary(variant, data, dataLength);
        scope.wrote();
        return n;
    }

    // ---- objects and trees: serialised through this generator, failures contained

    @Override
    public JsonGenerator writePOJO(Object pojo) {
        if (scope.skipping()) {
            return this;
        }
        if (pojo == null) {
            return writeNull();
        }
        if (scope.sensitiveSlot()) {
            writeMask(""); // never serialised: no getter runs, nothing of it is formatted
            return this;
        }
        if (pojo instanceof String s) {
            text(s);
            return this;
        }
        serialise(pojo, false);
        return this;
    }

    @Override
    public JsonGenerator writeTree(TreeNode tree) {
        if (scope.skipping()) {
            return this;
        }
        if (tree == null) {
            return writeNull();
        }
        if (scope.sensitiveSlot()) {
            writeMask("");
            return this;
        }
        serialise(tree, true);
        return this;
    }

    @Override
    public JsonGenerator writeEmbeddedObject(Object object) {
        if (object == null) {
            return writeNull();
        }
        if (object instanceof byte[] bytes) {
            return writeBinary(bytes);
        }
        return writePOJO(object);
    }

    private void serialise(Object value, boolean tree) {
        int depth = scope.frames.size();
        long mark = scope.writes;
        try {
            if (tree) {
                objectWriteContext().writeTree(this, (TreeNode) value);
            } else {
                objectWriteContext().writeValue(this, value);
            }
        } catch (RuntimeException | StackOverflowError e) {
            String type = value.getClass().getName();
            if (!scope.unwindTo(delegate, depth, mark, "[unserialisable: " + type + "]")) {
                throw e;
            }
            recordFailure(scope.source.label() + " serialisation failed: " + type + " (" + e.getClass().getName() + ")");
        }
    }

    // ---- native ids (not used by JSON), lifecycle

    @Override
    public JsonGenerator writeOmittedProperty(String propName) {
        return scope.skipping() ? this : super.writeOmittedProperty(propName);
    }

    @Override
    public JsonGenerator writeObjectId(Object id) {
        return scope.skipping() ? this : super.writeObjectId(id);
    }

    @Override
    public JsonGenerator writeObjectRef(Object id) {
        return scope.skipping() ? this : super.writeObjectRef(id);
    }

    @Override
    public JsonGenerator writeTypeId(Object id) {
        return scope.skipping() ? this : super.writeTypeId(id);
    }

    @Override
    public void close() {
        scope.reset();
        super.close();
    }

    private String readAll(Reader reader, int len) {
        StringBuilder b = new StringBuilder(len > 0 ? Math.min(len, 1 << 16) : 256);
        char[] buf = new char[4096];
        try {
            int remaining = len < 0 ? Integer.MAX_VALUE : len;
            int n;
            while (remaining > 0 && (n = reader.read(buf, 0, Math.min(buf.length, remaining))) != -1) {
                b.append(buf, 0, n);
                remaining -= n;
            }
        } catch (IOException e) {
            throw JacksonIOException.construct(e, this);
        }
        return b.toString();
    }

    private int drain(InputStream data) {
        byte[] buf = new byte[4096];
        int total = 0;
        try {
            int n;
            while ((n = data.read(buf)) != -1) {
                total += n;
            }
        } catch (IOException e) {
            throw JacksonIOException.construct(e, this);
        }
        return total;
    }
}
